// Signup and admission simulator: admit vectors typed into the form (selects, date-time
// pickers, counters), the decisive step of SPEC §13 highlighted; next_utc_midnight through the
// "caps reset" hint.
import { settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, tick, usePolicy, when } from './common.mjs';

const P = 'admission';

async function typeRequest(page, i) {
  await choose(page, P, 'adm-operation', i.operation);
  await choose(page, P, 'adm-mode', i.mode);
  await fill(page, P, 'adm-birth', i.birth_date);
  await fill(page, P, 'adm-country', i.country);
  await choose(page, P, 'adm-phase', i.phase ?? '(none)');
  await choose(page, P, 'adm-allow', i.on_allowlist === true ? 'on the allowlist' : i.on_allowlist === false ? 'not on the allowlist' : '(not checked)');
  await fill(page, P, 'adm-invite-code', i.invite_code ?? '');
  await tick(page, P, 'adm-has-invite', Boolean(i.invite));
  if (i.invite) {
    await fill(page, P, 'adm-invite-record', i.invite.code);
    await fill(page, P, 'adm-invite-used', i.invite.used_count);
    await fill(page, P, 'adm-invite-max', i.invite.max_uses);
  }
  await fill(page, P, 'adm-mode-count', i.mode_counter?.count ?? 0);
  await when(page, P, 'adm-mode-at', i.mode_counter?.updated_at_ms ?? 0);
  await fill(page, P, 'adm-country-count', i.country_counter?.count ?? 0);
  await when(page, P, 'adm-country-at', i.country_counter?.updated_at_ms ?? 0);
  for (const k of ['users', 'payments', 'creators']) await fill(page, P, `adm-ov-${k}`, i.overrides?.[k] ?? '');
  await tick(page, P, 'adm-overloaded', Boolean(i.overloaded));
  await fill(page, P, 'adm-queue', i.queue_length ?? 0);
  await when(page, P, 'adm-now', i.now_ms);
}

export async function run(page, t) {
  const cases = vectors('admission');
  for (const c of cases.filter((c) => c.op === 'admit')) {
    await t.check(`admission/admit: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await typeRequest(page, c.input);
      const p = await settle(page, '[data-testid="adm-result"]', vectorCheck(c));
      if (p.length) return p;
      // A refused policy decides nothing: no step to highlight.
      if (await page.$('[data-testid="policy-current"] [data-field="error.code"]')) return [];
      // The highlighted step carries the refusal's code (or is step 7 when admitted).
      const step = await page.$eval('[data-testid="adm-steps"] .decisive', (e) => ({ n: e.dataset.step, text: e.textContent })).catch(() => null);
      const code = c.error ?? (c.expect.outcome === 'admitted' ? null : c.expect.code);
      if (!step) return ['no decisive step highlighted'];
      if (code === null ? step.n !== '7' : !step.text.includes(code)) return [`decisive step ${step.n} "${step.text}", want ${code ?? 'step 7'}`];
      return [];
    });
  }
  for (const c of cases.filter((c) => c.op === 'next_utc_midnight' && c.expect)) {
    await t.check(`admission/next_utc_midnight: ${c.name}`, async () => {
      await when(page, P, 'adm-now', c.input.now_ms);
      const want = new Date(c.expect.retry_at_ms).toISOString();
      const hint = await page.textContent('[data-testid="adm-now-local"]');
      return hint.includes(`caps reset ${want}`) ? [] : [`hint "${hint}", want caps reset ${want}`];
    });
  }
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await typeRequest(page, {
    operation: 'signup',
    mode: 'soft_launch',
    birth_date: '1990-05-15',
    country: 'CZ',
    phase: 'soft',
    mode_counter: { count: 120, updated_at_ms: 1795172400000 },
    country_counter: { count: 1000, updated_at_ms: 1795172400000 },
    now_ms: 1795176000000,
  });
}
