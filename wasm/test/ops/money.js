'use strict';
// Vector operations of the `money` module (core/src/money.rs, wasm/src/money.rs).
const core = require('@avalo/core');
const { arg } = require('../support/input.js');

module.exports = {
  parse_money: (_p, i) => {
    const money = core.parseMoney(arg.string(i, 'amount'), arg.string(i, 'currency'));
    // `minor` is a decimal string in the API (it may exceed 2^53 − 1); vectors keep to safe integers.
    return { ...money, minor: Number(core.minorUnits(money)) };
  },
  currency_info: (_p, i) => core.currencyInfo(arg.string(i, 'code')),
  basis_points: (_p, i) => ({ bp: core.basisPoints(arg.number(i, 'bp')) }),
};
