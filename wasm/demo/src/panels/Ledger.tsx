// Ledger explorer (SPEC §12): load a ledger export (records, optionally the stored totals),
// verify it — postings, hash chain, keys, balances — and see the first broken link, the
// balance of every account and the state of every withdrawal. Computed by checkLedger.
import { useMemo, useState } from 'react';
import { checkLedger, type LedgerRecord, type LedgerTotals } from '@avalo/core';
import { attempt, utc, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { ErrorBox, JsonIO, Panel, Result } from '../ui';

interface Export {
  records: LedgerRecord[];
  totals?: LedgerTotals | null;
}

/** An export: `{ "records": [...], "totals": {...} }` or just the array of records. */
function parseExport(text: string): Outcome<Export> {
  try {
    const v = JSON.parse(text) as unknown;
    if (Array.isArray(v)) return { ok: true, value: { records: v as LedgerRecord[] } };
    if (v && typeof v === 'object' && Array.isArray((v as Export).records)) return { ok: true, value: v as Export };
    return { ok: false, error: { code: 'INVALID_JSON', reason: 'expected { "records": [ … ], "totals": { … } } or an array of records' } };
  } catch (e) {
    return { ok: false, error: { code: 'INVALID_JSON', reason: `ledger export: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

export function LedgerPanel() {
  const { policy } = usePolicy();
  const [text, setText] = useState('{"records": []}');
  const [note, setNote] = useState('');
  const [useTotals, setUseTotals] = useState(true);
  const data = useMemo(() => parseExport(text), [text]);
  const report = useMemo(() => {
    if (!policy) return null;
    if (!data.ok) return data;
    return attempt(() => checkLedger(policy, data.value.records, useTotals ? (data.value.totals ?? undefined) : undefined));
  }, [policy, data, useTotals]);
  const broken = report?.ok ? report.value.finding?.seq : undefined;

  return (
    <Panel
      id="ledger"
      title="Ledger explorer"
      intro="Load a ledger export and verify it: every record's postings, the hash chain, the keys and the stored balances; the first broken link, balances per account, and every withdrawal's state."
      fingerprint={undefined}
    >
      <div className="field wide">
        <label htmlFor="ledger-file">Load a ledger export (JSON)</label>
        <input
          id="ledger-file"
          name="ledger-file"
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            setText(await f.text());
            setNote(`loaded ${f.name} (${f.size} bytes)`);
          }}
        />
        <small className="hint" data-testid="ledger-note">
          {note}
        </small>
      </div>
      <div className="fields">
        <div className="field check">
          <input id="ledger-use-totals" name="ledger-use-totals" type="checkbox" checked={useTotals} onChange={(e) => setUseTotals(e.target.checked)} />
          <label htmlFor="ledger-use-totals">Compare with the export's stored totals (head and balances), when present</label>
        </div>
      </div>
      <JsonIO name="ledger-json" label="Ledger export" fileName="ledger.json" rows={6} text={text} onText={setText} />
      {!data.ok && <ErrorBox error={data.error} />}
      <Result
        testid="ledger-result"
        label="Ledger verification"
        outcome={report}
        rows={(r) => [
          [
            'Verdict',
            'verdict',
            r.finding ? <span className="bad">broken at record {r.finding.seq}</span> : <span className="ok">verified</span>,
            r.finding ? 'broken' : 'ok',
          ],
          ['First broken record', 'finding.seq', r.finding?.seq ?? '—', r.finding?.seq ?? ''],
          ['Finding', 'finding.finding', r.finding ? <code className="bad">{r.finding.finding}</code> : '—', r.finding?.finding ?? ''],
          ['Detail', 'finding.detail', r.finding?.detail ?? '—', r.finding?.detail ?? ''],
          ['Records checked', 'records_checked', r.records_checked],
          ['Head record', 'head.seq', r.head.seq],
          ['Head hash', 'head.hash', <code>{r.head.hash.slice(0, 16)}…</code>, r.head.hash],
        ]}
      >
        {(r) => (
          <div className="cols">
            <div className="table-wrap" data-testid="ledger-balances">
              <table>
                <caption>Balance per account (tokens)</caption>
                <tbody>
                  {r.balances.map((b) => (
                    <tr key={b.account}>
                      <th scope="row" data-field="account">
                        <code>{b.account}</code>
                      </th>
                      <td data-field="balance" className={b.balance < 0 ? 'bad' : undefined}>
                        {b.balance}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="table-wrap" data-testid="ledger-withdrawals">
              <table>
                <caption>Withdrawals and their states</caption>
                <thead>
                  <tr>
                    <th scope="col">Request</th>
                    <th scope="col">Creator</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Fee</th>
                    <th scope="col">Net</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {r.withdrawals.map((w) => (
                    <tr key={w.request_seq}>
                      <th scope="row" data-field="request_seq">
                        #{w.request_seq}
                      </th>
                      <td data-field="creator">{w.creator}</td>
                      <td data-field="amount">{w.amount}</td>
                      <td data-field="fee">{w.fee}</td>
                      <td data-field="net">{w.net}</td>
                      <td data-field="state">{w.state}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </Result>
      {data.ok && data.value.records.length > 0 && (
        <details open={broken !== undefined}>
          <summary>The {data.value.records.length} records, with their postings</summary>
          <div className="table-wrap scroll" data-testid="ledger-records">
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Key</th>
                  <th scope="col">Postings</th>
                  <th scope="col">At (UTC)</th>
                </tr>
              </thead>
              <tbody>
                {data.value.records.map((rec, k) => (
                  <tr key={k} className={rec.seq === broken ? 'broken' : undefined} aria-current={rec.seq === broken ? 'true' : undefined}>
                    <th scope="row">{rec.seq}</th>
                    <td>{rec.kind}</td>
                    <td>
                      <code>{rec.key}</code>
                    </td>
                    <td>
                      {(rec.postings ?? []).map((p, j) => (
                        <div key={j}>
                          <code>{p.account}</code> {p.amount > 0 ? `+${p.amount}` : p.amount}
                        </div>
                      ))}
                    </td>
                    <td>{utc(rec.at_ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </Panel>
  );
}
