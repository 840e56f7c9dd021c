'use strict';
// Vector operations of the `pricing` module (core/src/pricing.rs, wasm/src/pricing.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

const fx = (i) => opt.string(i, 'fx_rate');
const money = (i, amountKey, currencyKey) => ({ amount: arg.string(i, amountKey), currency: arg.string(i, currencyKey) });

module.exports = {
  pack_price: (p, i) => core.packPrice(p, arg.string(i, 'pack_id'), arg.string(i, 'currency'), fx(i)),
  list_packs: (p, i) => ({ packs: core.listPacks(p, arg.string(i, 'currency'), fx(i)) }),
  convert_from_pln: (_p, i) => core.convertFromPln(money(i, 'amount', 'from'), arg.string(i, 'currency'), fx(i)),
  pln_to_tokens: (p, i) => ({ tokens: core.plnToTokens(p, money(i, 'amount', 'currency')) }),
  tokens_to_pln: (p, i) => core.tokensToPln(p, arg.number(i, 'tokens')),
  subscription_price: (p, i) => core.subscriptionPrice(p, arg.string(i, 'tier'), arg.string(i, 'currency'), fx(i)),
  cheapest_pack_covering: (p, i) => core.cheapestPackCovering(p, arg.number(i, 'tokens'), arg.string(i, 'currency'), fx(i)),
  cheapest_pack_combination: (p, i) =>
    core.cheapestPackCombination(p, arg.number(i, 'tokens'), arg.string(i, 'currency'), fx(i)),
};
