// Health and alerts: component_health, check_alerts and launch_readiness vectors, every check
// typed into the rows of the form (names, selects, durations).
import { diff, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, paste, usePolicy } from './common.mjs';

const P = 'health';

/** Empties a row list (through its JSON import) and types the rows one by one. */
async function typeRows(page, id, rows, withMs) {
  await paste(page, `#${id}-json`, '[]');
  for (const [k, r] of rows.entries()) {
    await page.click(`[data-testid="${id}-add"]`);
    await fill(page, P, `${id}-${k}-name`, r.name);
    await choose(page, P, `${id}-${k}-status`, withMs ? r.outcome : r.status);
    if (withMs) await fill(page, P, `${id}-${k}-ms`, r.duration_ms);
  }
}

const withRows = (c, key) => (b) => {
  if (c.error !== undefined) return vectorCheck(c)(b);
  if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']} ${b.fields['error.reason']})`];
  const { [key]: list, ...rest } = c.expect;
  if (b.rows.length !== list.length) return [`${b.rows.length} rows, want ${list.length}`];
  return [...diff(rest, b.fields), ...list.flatMap((w, k) => diff(w, b.rows[k]).map((p) => `row ${k}: ${p}`))];
};

export async function run(page, t) {
  const risk = vectors('risk');
  for (const c of risk.filter((c) => c.op === 'component_health')) {
    await t.check(`health/component_health: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await typeRows(page, 'hc', c.input.checks, true);
      return settle(page, '[data-testid="health-result"]', withRows(c, 'components'));
    });
  }
  for (const c of risk.filter((c) => c.op === 'check_alerts')) {
    await t.check(`health/check_alerts: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      for (const [k, v] of Object.entries(c.input)) await fill(page, P, `alert-${k}`, v);
      return settle(page, '[data-testid="alerts-result"]', withRows(c, 'alerts'));
    });
  }
  for (const c of risk.filter((c) => c.op === 'launch_readiness')) {
    await t.check(`health/launch_readiness: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await typeRows(page, 'rd', c.input.checks, false);
      return settle(page, '[data-testid="readiness-result"]', (b) => {
        if (c.error !== undefined) return vectorCheck(c)(b);
        const { failed, warnings, ...rest } = c.expect;
        const p = vectorCheck({ expect: rest })(b);
        if (b.fields.failed !== failed.join(',')) p.push(`failed ${b.fields.failed}, want ${failed}`);
        if (b.fields.warnings !== warnings.join(',')) p.push(`warnings ${b.fields.warnings}, want ${warnings}`);
        return p;
      });
    });
  }
  await t.check('health/a check list loaded from a JSON file is evaluated', async () => {
    await usePolicy(page, undefined);
    const c = risk.find((x) => x.op === 'component_health' && x.expect && x.input.checks.length > 1);
    await page.evaluate(() => (document.querySelector('#hc-json').closest('details').open = true));
    await page.setInputFiles('#hc-json-file', { name: 'checks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(c.input.checks)) });
    return settle(page, '[data-testid="health-result"]', withRows(c, 'components'));
  });
  await t.check('health/errors above requests is refused with its code', async () => {
    await fill(page, P, 'alert-requests', 1);
    await fill(page, P, 'alert-errors', 2);
    return settle(page, '[data-testid="alerts-result"]', (b) => (b.state === 'error' && b.fields['error.code'] === 'INVALID_INPUT' && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(b.fields)}`]));
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await typeRows(page, 'hc', [{ name: 'db', outcome: 'ok', duration_ms: 12 }, { name: 'cache', outcome: 'ok', duration_ms: 2400 }, { name: 'payments', outcome: 'ok', duration_ms: 180 }], true);
  const m = { requests: 120000, errors: 4100, payments: 2300, payment_failures: 260, token_spend: 910000, trailing_token_spend: 1800000, trailing_periods: 6, sessions: 50000, crash_free_sessions: 49800 };
  for (const [k, v] of Object.entries(m)) await fill(page, P, `alert-${k}`, v);
  await typeRows(page, 'rd', [{ name: 'payments', status: 'pass' }, { name: 'kyc provider', status: 'pass' }, { name: 'load test', status: 'warn' }], false);
  await page.evaluate(() => document.querySelectorAll('#health details').forEach((d) => (d.open = false)));
}
