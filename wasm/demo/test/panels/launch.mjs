// Region launch dashboard: region_risk, check_country_cap, progression_readiness, next_market.
import { settle, vectors } from '../harness.mjs';
import { choose, fill, minorText, paste, usePolicy, when } from './common.mjs';

const NOW = 1795176000000;

/** Loads a dataset into the panel's JSON field. */
const load = (page, data) => paste(page, '#launch-data', JSON.stringify(data));
const P = 'launch';

/** Types one market's KPIs into the market form, as an operator would (revenue in PLN). */
async function typeMarket(page, kpis) {
  for (const k of ['support_tickets', 'safety_incidents', 'installs', 'verified']) await fill(page, P, `market-${k}`, kpis[k]);
  await fill(page, P, 'market-revenue', minorText(kpis.revenue_minor));
}

/** Flattens with array indexes (`failures.0.date`) and array lengths (`failures.length`). */
function deep(obj, prefix, out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = `${prefix}.${k}`;
    if (Array.isArray(v)) {
      out[`${key}.length`] = v.length;
      v.forEach((x, j) => (x !== null && typeof x === 'object' ? deep(x, `${key}.${j}`, out) : (out[`${key}.${j}`] = x)));
    } else if (v !== null && typeof v === 'object') deep(v, key, out);
    else out[key] = v;
  }
  return out;
}

/** Checks one part (`risk`, `cap`, `progression`, `next_market`) of the first region card. */
function partCheck(part, c, selector = '[data-testid="launch-regions"] .region') {
  return (b) => {
    if (!b) return ['no region shown'];
    if (c.error !== undefined) return b.fields[`${part}.error.code`] === c.error ? [] : [`${part} shows ${JSON.stringify(b.fields)}, want ${c.error}`];
    if (b.fields[`${part}.error.code`]) return [`${part} refused: ${b.fields[`${part}.error.code`]} ${b.fields[`${part}.error.reason`]}`];
    const problems = [];
    for (const [key, want] of Object.entries(part === 'next_market' ? { next_market: c.expect.country } : deep(c.expect, part))) {
      const text = want === null ? '' : String(want);
      if (!(key in b.fields)) {
        if (want !== null) problems.push(`${key}: not displayed (want ${JSON.stringify(want)})`);
      } else if (b.fields[key] !== text) problems.push(`${key}: shows ${JSON.stringify(b.fields[key])}, want ${JSON.stringify(text)}`);
    }
    return problems;
  };
}

export async function run(page, t) {
  const risk = vectors('risk');
  for (const c of risk.filter((c) => c.op === 'region_risk')) {
    await t.check(`launch/region_risk: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await load(page, { now_ms: NOW, regions: [{ country: 'PL', phase: 'alpha' }] });
      await choose(page, P, 'market-pick', '0');
      await typeMarket(page, c.input);
      return settle(page, '[data-testid="launch-regions"] .region', partCheck('risk', c));
    });
  }
  const rollout = vectors('rollout');
  for (const c of rollout.filter((c) => c.op === 'check_country_cap')) {
    await t.check(`launch/check_country_cap: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      const i = c.input;
      const kpis = { support_tickets: 0, safety_incidents: 0, revenue_minor: 0, installs: 0, verified: 0 };
      await load(page, { now_ms: i.now_ms, regions: [{ country: 'PL', phase: i.phase ?? null, kpis, cap: { kind: i.kind, counter: i.counter, overrides: i.overrides ?? {} } }] });
      return settle(page, '[data-testid="launch-regions"] .region', partCheck('cap', c));
    });
  }
  for (const c of rollout.filter((c) => c.op === 'progression_readiness')) {
    await t.check(`launch/progression_readiness: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      const kpis = { support_tickets: 0, safety_incidents: 0, revenue_minor: 0, installs: 0, verified: 0 };
      await load(page, { now_ms: c.input.now_ms, regions: [{ country: 'CZ', phase: 'soft', kpis, days: c.input.days }] });
      return settle(page, '[data-testid="launch-regions"] .region', partCheck('progression', c));
    });
  }
  for (const c of rollout.filter((c) => c.op === 'next_market')) {
    await t.check(`launch/next_market: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      const kpis = { support_tickets: 0, safety_incidents: 0, revenue_minor: 0, installs: 0, verified: 0 };
      await load(page, { now_ms: NOW, regions: c.input.launched.map((country) => ({ country, phase: 'public', kpis })) });
      return settle(page, '[data-testid="launch-summary"]', partCheck('next_market', c));
    });
  }
  await t.check('launch/a JSON file loads and every market of the sequence is scored', async () => {
    await usePolicy(page, undefined);
    const cases = risk.filter((c) => c.op === 'region_risk' && c.expect && !c.policy).slice(0, 8);
    const countries = ['PL', 'CZ', 'SK', 'HR', 'RO', 'BG', 'GR', 'IT'];
    const data = { now_ms: NOW, regions: cases.map((c, k) => ({ country: countries[k], phase: 'alpha', kpis: c.input })) };
    await page.setInputFiles('#launch-file', { name: 'kpis.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
    const problems = [];
    for (const [k, c] of cases.entries()) {
      problems.push(...(await settle(page, `[data-region="${countries[k]}"]`, partCheck('risk', c))).map((p) => `${countries[k]}: ${p}`));
    }
    const note = await page.textContent('[data-testid="launch-file-note"]');
    if (!note.includes('kpis.json')) problems.push(`file note: ${note}`);
    if (!(await page.locator('[data-testid="launch-chart"] canvas').isVisible())) problems.push('no chart');
    return problems;
  });
  await t.check('launch/a new market typed in the form: phase, cap counter and date-time', async () => {
    await usePolicy(page, undefined);
    const c = rollout.find((x) => x.op === 'check_country_cap' && x.expect && !x.policy && x.input.phase && x.input.kind === 'users' && !x.input.overrides);
    await load(page, { now_ms: NOW, regions: [] });
    await page.click('[data-testid="market-add"]');
    await fill(page, P, 'market-country', 'PL');
    await choose(page, P, 'market-phase', c.input.phase);
    await choose(page, P, 'market-cap-kind', c.input.kind);
    await fill(page, P, 'market-cap-count', c.input.counter.count);
    await when(page, P, 'market-cap-updated', c.input.counter.updated_at_ms);
    await when(page, P, 'launch-now', c.input.now_ms);
    return settle(page, '[data-testid="launch-regions"] .region', partCheck('cap', c));
  });
  await t.check('launch/revenue with three decimals is refused by the core (parseMoney)', async () => {
    await fill(page, P, 'market-revenue', '12.345');
    return settle(page, '[data-testid="market-revenue-error"]', (b) => (b.fields['error.code'] === 'INVALID_INPUT' && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(b.fields)}`]));
  });
  await t.check('launch/broken JSON shows a code and reason', async () => {
    await paste(page, '#launch-data', '{"now_ms": 1, "regions": [');
    return settle(page, '[data-testid="launch-data-error"]', (b) => (b.fields['error.code'] && b.fields['error.reason'] ? [] : ['no error shown']));
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await page.evaluate(() => (document.querySelector('#launch-data').closest('details').open = true));
  await page.click('#launch [data-testid="launch-example"]');
  await page.evaluate(() => (document.querySelector('#launch-data').closest('details').open = false));
}
