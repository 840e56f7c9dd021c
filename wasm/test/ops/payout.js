'use strict';
// Vector operations of the `payout` module (core/src/payout.rs, wasm/src/payout.rs).
const core = require('@avalo/core');
const { arg } = require('../support/input.js');

module.exports = {
  quote_withdrawal: (p, i) =>
    core.quoteWithdrawal(p, {
      amount: arg.number(i, 'amount'),
      available_balance: arg.number(i, 'available_balance'),
      kyc_verified: arg.boolean(i, 'kyc_verified'),
      method: arg.string(i, 'method'),
      requested_at_ms: arg.number(i, 'requested_at_ms'),
    }),
};
