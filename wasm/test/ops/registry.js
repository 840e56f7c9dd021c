'use strict';
// The operation registry: one line per core module. Each module file maps vector operation
// names (the core function names, snake_case) to calls of the typed JS API:
//   op_name: (policy, input) => result
// A module engineer fills `ops/<module>.js` (and adds its line here if it has none). An
// operation defined twice is an error; an unknown operation fails its case.

const MODULES = {
  policy: require('./policy.js'),
  money: require('./money.js'),
  pricing: require('./pricing.js'),
  split: require('./split.js'),
  payout: require('./payout.js'),
  error: require('./error.js'),
  billing: require('./billing.js'),
  spam: require('./spam.js'),
  ranking: require('./ranking.js'),
  royal: require('./royal.js'),
  ratelimit: require('./ratelimit.js'),
  launch: require('./launch.js'),
  rollout: require('./rollout.js'),
  risk: require('./risk.js'),
  flags: require('./flags.js'),
  upload: require('./upload.js'),
  media: require('./media.js'),
  security: require('./security.js'),
  moderation: require('./moderation.js'),
  creator: require('./creator.js'),
  envelope: require('./envelope.js'),
  admission: require('./admission.js'),
  ops: require('./ops.js'),
  ledger: require('./ledger.js'),
};

const OPS = new Map();
for (const [module, ops] of Object.entries(MODULES)) {
  for (const [name, run] of Object.entries(ops)) {
    if (OPS.has(name)) throw new Error(`operation ${name} is defined by both ${OPS.get(name).module} and ${module}`);
    if (typeof run !== 'function') throw new Error(`operation ${name} of ${module} is not a function`);
    OPS.set(name, { module, run });
  }
}

/** The runner of an operation, or undefined if no module defines it. */
const lookup = (name) => OPS.get(name)?.run;

module.exports = { lookup, operations: () => [...OPS.keys()] };
