'use strict';
// Vector operations of the `ledger` module (core/src/ledger/, wasm/src/ledger.rs):
// `ledger_sequence` applies events in order on a MemoryLedger (the §12.5 host protocol), a
// refused event giving `{ error: CODE }`, then checks the ledger.
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

function sequence(p, i) {
  const book = new core.MemoryLedger();
  const results = arg.array(i, 'steps').map((s) => {
    try {
      return book.append(p, s.event, s.at_ms);
    } catch (e) {
      if (core.isAvaloError(e)) return { error: e.code };
      throw e;
    }
  });
  return { results, report: core.checkLedger(p, book.records(), undefined) };
}

module.exports = {
  ledger_sequence: sequence,
  build_record: (p, i) => core.buildRecord(p, arg.object(i, 'view'), arg.object(i, 'event'), arg.number(i, 'at_ms')),
  ledger_reads: (p, i) => core.ledgerReads(p, arg.object(i, 'event')),
  check_ledger: (p, i) => core.checkLedger(p, arg.array(i, 'records'), opt.object(i, 'totals')),
  ledger_key_part: (_p, i) => ({ part: core.keyPart(arg.string(i, 'id'), 'id') }),
  withdrawal_transition: (_p, i) => {
    core.checkTransition(arg.string(i, 'from'), arg.string(i, 'to'));
    return { allowed: true };
  },
};
