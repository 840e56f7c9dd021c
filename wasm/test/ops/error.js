'use strict';
// Vector operations of the `error` module (core/src/error.rs, wasm/src/error.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  error_info: (_p, i) => core.errorInfo(arg.string(i, 'code')),
  retry_delay: (p, i) =>
    core.retryDelay(p, arg.string(i, 'code'), arg.number(i, 'attempt'), arg.number(i, 'jitter_ppm'), opt.number(i, 'retry_after_ms')),
};
