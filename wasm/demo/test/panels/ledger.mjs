// Ledger explorer: check_ledger vectors, each export uploaded as a JSON file (as an operator
// would), the verdict, first broken record, balances and withdrawals compared with the vector.
import { diff, settle, vectors } from '../harness.mjs';
import { paste, usePolicy } from './common.mjs';

const rowsMatch = (want, rows, what) =>
  rows.length !== want.length ? [`${rows.length} ${what}, want ${want.length}`] : want.flatMap((w, k) => diff(w, rows[k]).map((p) => `${what} ${k}: ${p}`));

export async function run(page, t) {
  for (const [n, c] of vectors('ledger').filter((c) => c.op === 'check_ledger').entries()) {
    await t.check(`ledger/check_ledger: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      const file = { records: c.input.records, totals: c.input.totals ?? null };
      await page.setInputFiles('#ledger-file', { name: `ledger-${n}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      const p = await settle(page, '[data-testid="ledger-result"]', (b) => {
        if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']} ${b.fields['error.reason']})`];
        const { balances, withdrawals, finding, ...rest } = c.expect;
        const want = { ...rest, verdict: finding ? 'broken' : 'ok', ...(finding ? { finding: { seq: finding.seq, finding: finding.finding } } : {}) };
        return diff(want, b.fields);
      }, 5000);
      if (p.length) return p;
      if (c.expect.balances) {
        const rows = await page.evaluate(() =>
          [...document.querySelectorAll('[data-testid="ledger-balances"] tbody tr')].map((tr) => ({
            account: tr.querySelector('[data-field="account"]').textContent.trim(),
            balance: tr.querySelector('[data-field="balance"]').textContent.trim(),
          })),
        );
        p.push(...rowsMatch(c.expect.balances, rows, 'balance'));
      }
      if (c.expect.withdrawals) {
        const rows = await page.evaluate(() =>
          [...document.querySelectorAll('[data-testid="ledger-withdrawals"] tbody tr')].map((tr) => Object.fromEntries([...tr.querySelectorAll('[data-field]')].map((e) => [e.dataset.field, e.textContent.trim().replace(/^#/, '')]))),
        );
        p.push(...rowsMatch(c.expect.withdrawals, rows, 'withdrawal'));
      }
      return p;
    });
  }
  await t.check('ledger/a broken export (not JSON) shows a code and reason', async () => {
    await usePolicy(page, undefined);
    await paste(page, '#ledger-json', '{"records": [');
    return settle(page, '[data-testid="ledger-result"]', (b) => (b.state === 'error' && b.fields['error.code'] && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(b.fields)}`]));
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  const c = vectors('ledger').find((x) => x.op === 'check_ledger' && x.expect?.finding?.finding === 'HASH_MISMATCH') ?? vectors('ledger').find((x) => x.op === 'check_ledger');
  await page.setInputFiles('#ledger-file', { name: 'ledger-export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ records: c.input.records, totals: c.input.totals ?? null })) });
  await page.evaluate(() => document.querySelectorAll('#ledger details.json-io').forEach((d) => (d.open = false)));
}
