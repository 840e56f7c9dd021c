'use strict';
// Vector operations of the `policy` module (core/src/policy.rs, wasm/src/policy.rs).
const { Policy } = require('@avalo/core');
const { arg } = require('../support/input.js');

const info = (p) => ({ version: p.version, fingerprint: p.fingerprint });

module.exports = {
  policy_info: (policy) => info(policy),
  load_policy: (_policy, i) => {
    const loaded = Policy.fromJson(arg.string(i, 'json'));
    try {
      return info(loaded);
    } finally {
      loaded.free();
    }
  },
  policy_problems: (_policy, i) => ({ problems: Policy.problemsInJson(arg.string(i, 'json')) }),
};
