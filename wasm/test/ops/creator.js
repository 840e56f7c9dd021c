'use strict';
// Vector operations of the creator message rate (core/src/billing/creator_rate.rs and meter.rs,
// wasm/src/creator.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  set_creator_rate: (p, i) => core.setCreatorRate(p, opt.object(i, 'current'), arg.number(i, 'words_per_token')),
  preview_creator_message: (p, i) =>
    core.previewCreatorMessage(
      p,
      opt.object(i, 'meter'),
      arg.string(i, 'sender'),
      arg.string(i, 'text'),
      arg.boolean(i, 'earner_royal'),
      opt.object(i, 'rate'),
    ),
  bill_creator_message: (p, i) =>
    core.billCreatorMessage(
      p,
      opt.object(i, 'meter'),
      arg.string(i, 'sender'),
      arg.string(i, 'text'),
      arg.boolean(i, 'earner_royal'),
      opt.object(i, 'rate'),
      arg.number(i, 'shown_rate_version'),
      arg.number(i, 'payer_balance'),
    ),
};
