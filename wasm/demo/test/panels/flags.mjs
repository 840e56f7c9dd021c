// Flag inspector: evaluate_flag, evaluate_flags and flag_bucket vectors.
import { diff, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, paste, tick, usePolicy, when } from './common.mjs';

const P = 'flags';

async function context(page, ctx) {
  await fill(page, P, 'flags-user', ctx.user_id);
  await fill(page, P, 'flags-region', ctx.region ?? '');
  await choose(page, P, 'flags-platform', ctx.platform ?? '(any)');
  await choose(page, P, 'flags-env', ctx.environment ?? '(any)');
  await when(page, P, 'flags-now', ctx.now_ms);
}

/** Types one flag into the form of flag 1 (the set holds that one flag), as a person would. */
async function typeFlag(page, f, killed) {
  await paste(page, '#flags-set', JSON.stringify({ killed_groups: [], flags: [] }));
  await page.click('[data-testid="flags-add"]');
  await fill(page, P, 'flags-killed', (killed ?? []).join(', '));
  await fill(page, P, 'flag-0-name', f.name);
  await fill(page, P, 'flag-0-rollout', f.rollout_bp);
  await tick(page, P, 'flag-0-enabled', f.enabled);
  await tick(page, P, 'flag-0-kill', f.kill_switch ?? false);
  await fill(page, P, 'flag-0-regions', (f.regions ?? []).join(', '));
  await fill(page, P, 'flag-0-platforms', (f.platforms ?? []).join(', '));
  await fill(page, P, 'flag-0-envs', (f.environments ?? []).join(', '));
  await when(page, P, 'flag-0-starts', f.starts_at_ms ?? '');
  await when(page, P, 'flag-0-ends', f.ends_at_ms ?? '');
  await fill(page, P, 'flag-0-allowed', (f.allowed_users ?? []).join(', '));
  await fill(page, P, 'flag-0-blocked', (f.blocked_users ?? []).join(', '));
}

/** A flag whose every field the form can express (an empty list there means "no restriction"). */
const formable = (f) => ['regions', 'platforms', 'environments'].every((k) => f[k] === undefined || f[k] === null || f[k].length > 0);

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
      if (formable(c.input.flag)) await typeFlag(page, c.input.flag, c.input.killed_groups);
      else await paste(page, '#flags-set', JSON.stringify({ killed_groups: c.input.killed_groups ?? [], flags: [c.input.flag] }));
      await context(page, c.input.context);
      return settle(page, '[data-testid="flags-result"]', rowsCheck(c, c.expect ? [c.expect] : []));
    });
  }
  for (const c of cases.filter((c) => c.op === 'evaluate_flags')) {
    await t.check(`flags/evaluate_flags: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await paste(page, '#flags-set', JSON.stringify(c.input.set));
      await context(page, c.input.context);
      return settle(page, '[data-testid="flags-result"]', rowsCheck(c, c.expect?.decisions ?? []));
    });
  }
  for (const c of cases.filter((c) => c.op === 'flag_bucket')) {
    await t.check(`flags/flag_bucket: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await paste(page, '#flags-set', JSON.stringify({ killed_groups: [], flags: [{ name: c.input.flag, enabled: true, rollout_bp: 10000 }] }));
      await context(page, { user_id: c.input.user_id, now_ms: 1795176000000 });
      return settle(page, '[data-testid="flags-buckets"]', (b) => {
        const shown = b.rows[0]?.bucket ?? '';
        if (c.error !== undefined) return shown.startsWith(`${c.error}:`) ? [] : [`bucket ${shown}, want ${c.error}`];
        return shown === String(c.expect.bucket) ? [] : [`bucket ${shown}, want ${c.expect.bucket}`];
      });
    });
  }
  await t.check('flags/a flag set loaded from a file is evaluated', async () => {
    const c = cases.find((x) => x.op === 'evaluate_flags' && x.expect && !x.policy);
    await usePolicy(page, c.policy);
    await page.evaluate(() => (document.querySelector('#flags-set').closest('details').open = true));
    await page.setInputFiles('#flags-set-file', { name: 'flags.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(c.input.set)) });
    await context(page, c.input.context);
    return settle(page, '[data-testid="flags-result"]', rowsCheck(c, c.expect.decisions));
  });
  await t.check('flags/a rollout above 10 000 bp typed in the form is refused with its code', async () => {
    await usePolicy(page, undefined);
    await typeFlag(page, { name: 'too_much', enabled: true, rollout_bp: 10001 }, []);
    return settle(page, '[data-testid="flags-result"]', (b) => (b.state === 'error' && b.fields['error.code'] === 'INVALID_INPUT' && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(b.fields)}`]));
  });
  await t.check('flags/broken JSON shows a code and reason', async () => {
    await paste(page, '#flags-set', '{"flags": [');
    return settle(page, '[data-testid="flags-result"]', (b) => (b.state === 'error' && b.fields['error.code'] && b.fields['error.reason'] ? [] : ['no error']));
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await page.click('#flags [data-testid="flags-example"]');
  await context(page, { user_id: 'user-42', region: 'PL', platform: 'ios', now_ms: 1795176000000 });
  await page.evaluate(() => document.querySelectorAll('#flags details').forEach((d) => (d.open = false)));
}
