'use strict';
// Vector operations of the `split` module (core/src/split.rs, wasm/src/split.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  split_amount: (_p, i) => core.splitAmount(arg.number(i, 'amount'), arg.number(i, 'creator_bp')),
  split_revenue: (p, i) => core.splitRevenue(p, arg.string(i, 'stream'), arg.number(i, 'amount')),
  split_cumulative_batch: (p, i) =>
    core.splitCumulativeBatch(p, arg.string(i, 'stream'), opt.object(i, 'state'), arg.array(i, 'amounts')),
  split_tip: (p, i) => core.splitTip(p, arg.string(i, 'payer_id'), arg.string(i, 'creator_id'), arg.number(i, 'amount')),
  split_unlock: (p, i) =>
    core.splitUnlock(p, arg.string(i, 'stream'), arg.string(i, 'payer_id'), arg.string(i, 'creator_id'), opt.number(i, 'price')),
  register_referral: (_p, i) => ({
    referrer_id: core.registerReferral(
      arg.string(i, 'referrer_id'),
      arg.string(i, 'referred_id'),
      opt.string(i, 'existing_referrer'),
    ),
  }),
  referral_reward: (p, i) => core.referralReward(p, arg.boolean(i, 'has_referrer'), arg.number(i, 'purchases_before')),
};
