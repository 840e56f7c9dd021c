'use strict';
// Vector operations of the `admission` module (core/src/admission.rs, wasm/src/admission.rs).
const core = require('@avalo/core');
const { arg } = require('../support/input.js');

module.exports = {
  admit: (p, i) => core.admit(p, i),
  next_utc_midnight: (_p, i) => ({ retry_at_ms: core.nextUtcMidnight(arg.number(i, 'now_ms')) }),
};
