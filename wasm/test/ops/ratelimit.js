'use strict';
// Vector operations of the `ratelimit` module (core/src/ratelimit/, wasm/src/ratelimit.rs).
const core = require('@avalo/core');
const { arg } = require('../support/input.js');

module.exports = {
  rate_limit: (_p, i) => core.rateLimit(arg.object(i, 'limit')),
  decide: (_p, i) => core.decide(arg.object(i, 'limit'), arg.number(i, 'state'), arg.number(i, 'now_ms'), arg.number(i, 'cost')),
  decide_sequence: (_p, i) => core.decideSequence(arg.object(i, 'limit'), arg.number(i, 'state'), arg.array(i, 'requests')),
  decide_batch: (_p, i) => ({ decisions: core.decideBatch(arg.object(i, 'limit'), arg.array(i, 'items')) }),
  decide_action: (p, i) =>
    core.decideAction(p, arg.string(i, 'action'), arg.string(i, 'tier'), arg.number(i, 'state'), arg.number(i, 'now_ms'), arg.number(i, 'cost')),
  action_limit: (p, i) => core.actionLimit(p, arg.string(i, 'action'), arg.string(i, 'tier')),
  list_actions: (p, i) => ({ actions: core.listActions(p, arg.string(i, 'tier')) }),
  failure_policy: (p, i) => ({ on_failure: core.failurePolicy(p, arg.string(i, 'action')) }),
  validate_subject: (_p, i) => {
    core.validateSubject(arg.string(i, 'key'));
    return { valid: true };
  },
  hash_subject: (_p, i) => ({ key: core.hashSubject(arg.string(i, 'raw')) }),
};
