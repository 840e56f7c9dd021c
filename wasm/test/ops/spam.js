'use strict';
// Vector operations of the `spam` module (core/src/spam.rs, wasm/src/spam.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  check_spam: (p, i) => core.checkSpam(p, arg.string(i, 'text'), opt.array(i, 'recent') ?? [], arg.number(i, 'now_ms')),
};
