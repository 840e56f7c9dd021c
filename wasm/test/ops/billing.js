'use strict';
// Vector operations of the `billing` module (core/src/billing, wasm/src/billing.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  count_words: (p, i) => ({ words: core.countWords(p, arg.string(i, 'text')) }),
  count_words_batch: (p, i) => ({ words: core.countWordsBatch(p, arg.array(i, 'texts')) }),
  words_per_token: (p, i) => ({ words_per_token: core.wordsPerToken(p, arg.boolean(i, 'earner_royal')) }),
  chat_roles: (_p, i) => core.chatRoles(arg.boolean(i, 'initiator_earns'), arg.boolean(i, 'receiver_earns')),
  preview_message: (p, i) =>
    core.previewMessage(p, opt.object(i, 'meter'), arg.string(i, 'sender'), arg.string(i, 'text'), arg.boolean(i, 'earner_royal')),
  bill_message: (p, i) =>
    core.billMessage(
      p,
      opt.object(i, 'meter'),
      arg.string(i, 'sender'),
      arg.string(i, 'text'),
      arg.boolean(i, 'earner_royal'),
      arg.number(i, 'payer_balance'),
    ),
  bill_messages: (p, i) =>
    core.billMessages(p, opt.object(i, 'meter'), arg.array(i, 'messages'), arg.boolean(i, 'earner_royal'), arg.number(i, 'payer_balance')),
  rebase_meter: (p, i) => core.rebaseMeter(p, arg.object(i, 'meter'), arg.boolean(i, 'earner_royal')),
  validate_meter: (p, i) => {
    core.validateMeter(p, arg.object(i, 'meter'));
    return { valid: true };
  },
};
