// Revenue calculator: split_revenue, quote_withdrawal, pack_price and list_packs vectors.
import { diff, flatten, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, tick, usePolicy, when } from './common.mjs';

const P = 'revenue';

export async function run(page, t) {
  for (const c of vectors('split').filter((c) => c.op === 'split_revenue')) {
    await t.check(`revenue/split_revenue: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await fill(page, P, 'split-amount', c.input.amount);
      await choose(page, P, 'split-stream', c.input.stream);
      return settle(page, '[data-testid="split-result"]', vectorCheck(c));
    });
  }

  for (const c of vectors('payout').filter((c) => c.op === 'quote_withdrawal')) {
    await t.check(`revenue/quote_withdrawal: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      const i = c.input;
      await fill(page, P, 'w-amount', i.amount);
      await fill(page, P, 'w-balance', i.available_balance);
      await choose(page, P, 'w-method', i.method);
      await when(page, P, 'w-requested', i.requested_at_ms);
      await tick(page, P, 'w-kyc', i.kyc_verified);
      return settle(page, '[data-testid="withdrawal-result"]', vectorCheck(c));
    });
  }

  const pricing = vectors('pricing');
  for (const c of pricing.filter((c) => c.op === 'pack_price' || c.op === 'list_packs')) {
    const i = c.input;
    const packed = c.op === 'pack_price';
    await t.check(`revenue/${c.op}: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await fill(page, P, 'packs-currency', i.currency);
      await fill(page, P, 'packs-fx', i.fx_rate ?? '');
      const ids = await page.$$eval('#revenue [name="packs-pack"] option', (os) => os.map((o) => o.value));
      await choose(page, P, 'packs-pack', packed && ids.includes(i.pack_id) ? i.pack_id : '(all packs)');
      return settle(page, '[data-testid="packs-result"]', (block) => {
        if (c.error !== undefined) {
          // The table lists the policy's packs: an unknown pack id is simply not a row.
          if (packed && block.state === 'ok') return block.rows.some((r) => r.pack_id === i.pack_id) ? [`pack ${i.pack_id} is listed, want ${c.error}`] : [];
          return vectorCheck(c)(block);
        }
        if (block.state !== 'ok') return [`state ${block.state} (${block.fields['error.code']} ${block.fields['error.reason']})`];
        if (packed) {
          const row = block.rows.find((r) => r.pack_id === i.pack_id);
          return row ? diff(c.expect, row) : [`no row for pack ${i.pack_id}`];
        }
        const want = c.expect.packs;
        if (block.rows.length !== want.length) return [`${block.rows.length} rows, want ${want.length}`];
        return want.flatMap((w, k) => diff(w, block.rows[k]).map((p) => `row ${k}: ${p}`));
      });
    });
  }

  await t.check('revenue/bad input shows the code and reason', async () => {
    await usePolicy(page, undefined);
    await fill(page, P, 'split-amount', '12.5');
    const problems = await settle(page, '[data-testid="split-result"]', (b) =>
      b.state === 'error' && b.fields['error.code'] === 'INVALID_INPUT' && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(flatten(b))}`],
    );
    await fill(page, P, 'split-amount', '101');
    return problems;
  });
}

/** Puts the panel in a representative state for its screenshot. */
export async function pose(page) {
  await usePolicy(page, undefined);
  await fill(page, P, 'split-amount', '101');
  await choose(page, P, 'split-stream', 'chat');
  await fill(page, P, 'w-amount', '12345');
  await fill(page, P, 'w-balance', '100000');
  await choose(page, P, 'w-method', 'bank_transfer');
  await when(page, P, 'w-requested', 1795176000000);
  await tick(page, P, 'w-kyc', true);
  await fill(page, P, 'packs-currency', 'PLN');
  await fill(page, P, 'packs-fx', '');
  await choose(page, P, 'packs-pack', '(all packs)');
}
