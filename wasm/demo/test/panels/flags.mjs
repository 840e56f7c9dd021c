// Flag inspector: evaluate_flag, evaluate_flags and flag_bucket vectors.
import { diff, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, usePolicy } from './common.mjs';

const P = 'flags';

async function context(page, ctx) {
  await fill(page, P, 'flags-user', ctx.user_id);
  await fill(page, P, 'flags-region', ctx.region ?? '');
  await choose(page, P, 'flags-platform', ctx.platform ?? '(any)');
  await fill(page, P, 'flags-now', ctx.now_ms);
}

const rowsCheck = (c, want) => (b) => {
  if (c.error !== undefined) return vectorCheck(c)(b);
  if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']} ${b.fields['error.reason']})`];
  if (b.rows.length !== want.length) return [`${b.rows.length} decisions, want ${want.length}`];
  return want.flatMap((w, k) => diff(w, b.rows[k]).map((p) => `flag ${k}: ${p}`));
};

export async function run(page, t) {
  const cases = vectors('flags');
  for (const c of cases.filter((c) => c.op === 'evaluate_flag')) {
    await t.check(`flags/evaluate_flag: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await page.fill('#flags-set', JSON.stringify({ killed_groups: c.input.killed_groups ?? [], flags: [c.input.flag] }));
      await context(page, c.input.context);
      return settle(page, '[data-testid="flags-result"]', rowsCheck(c, c.expect ? [c.expect] : []));
    });
  }
  for (const c of cases.filter((c) => c.op === 'evaluate_flags')) {
    await t.check(`flags/evaluate_flags: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await page.fill('#flags-set', JSON.stringify(c.input.set));
      await context(page, c.input.context);
      return settle(page, '[data-testid="flags-result"]', rowsCheck(c, c.expect?.decisions ?? []));
    });
  }
  for (const c of cases.filter((c) => c.op === 'flag_bucket')) {
    await t.check(`flags/flag_bucket: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await page.fill('#flags-set', JSON.stringify({ killed_groups: [], flags: [{ name: c.input.flag, enabled: true, rollout_bp: 10000 }] }));
      await context(page, { user_id: c.input.user_id, now_ms: 1795176000000 });
      return settle(page, '[data-testid="flags-buckets"]', (b) => {
        const shown = b.rows[0]?.bucket ?? '';
        if (c.error !== undefined) return shown.startsWith(`${c.error}:`) ? [] : [`bucket ${shown}, want ${c.error}`];
        return shown === String(c.expect.bucket) ? [] : [`bucket ${shown}, want ${c.expect.bucket}`];
      });
    });
  }
  await t.check('flags/broken JSON shows a code and reason', async () => {
    await page.fill('#flags-set', '{"flags": [');
    return settle(page, '[data-testid="flags-result"]', (b) => (b.state === 'error' && b.fields['error.code'] && b.fields['error.reason'] ? [] : ['no error']));
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await page.click('#flags [data-testid="flags-example"]');
  await context(page, { user_id: 'user-42', region: 'PL', platform: 'ios', now_ms: 1795176000000 });
}
