// Discovery: rank_candidates (viewer typed into the form, deck pasted as JSON or uploaded as a
// CSV file), tier_for_spend and royal_status vectors.
import { diff, flatten, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, paste, tick, usePolicy, when } from './common.mjs';

const P = 'discovery';
const GENDERS = ['female', 'male', 'non_binary'];
const COLUMNS = ['user_id', 'active', 'verified', 'boost_until_ms', 'photos', 'has_video_intro', 'has_bio', 'birth_date', 'gender', 'lat', 'lon', 'interests', 'response_rate', 'royal', 'loyalty_level', 'last_active_ms', 'reports'];

/** A deck as the CSV an operator would export from a spreadsheet. */
export function toCsv(deck) {
  const cell = (v) => (v === undefined || v === null ? '' : String(v));
  const lines = deck.map((c) => {
    const p = c.profile ?? {};
    const row = { ...p, user_id: c.user_id, active: c.active, verified: c.verified, boost_until_ms: c.boost_until_ms, lat: p.location?.lat, lon: p.location?.lon };
    return COLUMNS.map((k) => cell(row[k])).join(',');
  });
  return [COLUMNS.join(','), ...lines].join('\n');
}

async function typeViewer(page, v, nowMs, pageReq) {
  await fill(page, P, 'dv-id', v.user_id);
  for (const g of GENDERS) await tick(page, P, `dv-wants-${g}`, (v.interested_in ?? []).includes(g));
  await fill(page, P, 'dv-age-min', v.age_min);
  await fill(page, P, 'dv-age-max', v.age_max);
  await fill(page, P, 'dv-lat', v.location?.lat ?? '');
  await fill(page, P, 'dv-lon', v.location?.lon ?? '');
  await fill(page, P, 'dv-km', v.max_distance_km ?? '');
  await fill(page, P, 'dv-liked', (v.liked_ids ?? []).join(', '));
  await fill(page, P, 'dv-passed', (v.passed_ids ?? []).join(', '));
  await fill(page, P, 'dv-blocked', (v.blocked_ids ?? []).join(', '));
  await fill(page, P, 'dv-blocked-by', (v.blocked_by_ids ?? []).join(', '));
  await when(page, P, 'dv-now', nowMs);
  await fill(page, P, 'dv-size', pageReq?.size ?? '');
  await fill(page, P, 'dv-offset', pageReq?.offset ?? '');
  await tick(page, P, 'dv-explain', pageReq?.explain ?? false);
}

/** diff(), with floats (scores, km) equal within tests/vectors/README.md's absolute 1e-9. */
function near(want, shown) {
  const exact = {};
  const problems = [];
  for (const [k, v] of Object.entries(flatten(want))) {
    if (typeof v === 'number' && !Number.isInteger(v)) {
      if (!(Math.abs(Number(shown[k]) - v) <= 1e-9)) problems.push(`${k}: shows ${JSON.stringify(shown[k])}, want ${v} (±1e-9)`);
    } else exact[k] = v;
  }
  return [...problems, ...diff(exact, shown)];
}

const rankedCheck = (c) => async (page) => {
  const problems = await settle(page, '[data-testid="discovery-result"]', (b) => {
    if (c.error !== undefined) return vectorCheck(c)(b);
    if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']} ${b.fields['error.reason']})`];
    const { results, dropped, ...rest } = c.expect;
    const shown = b.rows.slice(0, b.rows.length - (dropped?.length ?? 0));
    const p = [...diff(rest, b.fields)];
    if (b.fields['results.length'] !== String(results.length)) p.push(`${b.fields['results.length']} results, want ${results.length}`);
    else results.forEach((w, k) => p.push(...near(w, shown[k] ?? {}).map((x) => `result ${k}: ${x}`)));
    return p;
  });
  if (problems.length || c.error !== undefined) return problems;
  const d = await settle(page, '[data-testid="discovery-dropped"]', (b) => {
    const want = c.expect.dropped ?? [];
    if (b.rows.length !== want.length) return [`${b.rows.length} dropped, want ${want.length}`];
    return want.flatMap((w, k) => diff(w, b.rows[k]).map((x) => `dropped ${k}: ${x}`));
  });
  return d;
};

export async function run(page, t) {
  const ranking = vectors('ranking').filter((c) => c.op === 'rank_candidates');
  for (const [n, c] of ranking.entries()) {
    await t.check(`discovery/rank_candidates: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await typeViewer(page, c.input.viewer, c.input.now_ms, c.input.page);
      if (n % 9 === 4 && c.input.candidates.every((x) => x.profile && Object.keys(x.profile).every((k) => COLUMNS.includes(k) || k === 'location'))) {
        // Every ninth deck is uploaded as a CSV file.
        await page.setInputFiles('#deck-csv-file', { name: `deck-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(toCsv(c.input.candidates)) });
      } else await paste(page, '#deck-json', JSON.stringify(c.input.candidates));
      return rankedCheck(c)(page);
    });
  }
  await t.check('discovery/a CSV deck with an unknown column is refused with its reason', async () => {
    await usePolicy(page, undefined);
    await page.setInputFiles('#deck-csv-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('user_id,colour\na,red\n') });
    return settle(page, '[data-testid="discovery-result"]', (b) => (b.state === 'error' && b.fields['error.code'] === 'INVALID_CSV' && b.fields['error.reason'].includes('colour') ? [] : [`shows ${JSON.stringify(b.fields)}`]));
  });

  const royal = vectors('royal');
  for (const c of royal.filter((c) => c.op === 'tier_for_spend')) {
    await t.check(`discovery/tier_for_spend: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await fill(page, P, 'royal-spent', c.input.spent);
      return settle(page, '[data-testid="royal-tier-result"]', vectorCheck(c));
    });
  }
  for (const c of royal.filter((c) => c.op === 'royal_status')) {
    await t.check(`discovery/royal_status: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      const b = c.input.buckets;
      if (b.length === 1) {
        // Typed as a person would: one spending day with its date picker.
        await paste(page, '#royal-buckets', '[]');
        await page.click('[data-testid="royal-add"]');
        await page.fill('#royal-day-0', new Date(b[0].day * 86400000).toISOString().slice(0, 10));
        await fill(page, P, 'royal-tokens-0', b[0].tokens);
      } else await paste(page, '#royal-buckets', JSON.stringify(b));
      const s = c.input.subscription;
      await choose(page, P, 'royal-sub', s ? s.tier : '(none)');
      if (s) await when(page, P, 'royal-sub-until', s.active_until_ms);
      await when(page, P, 'royal-now', c.input.now_ms);
      return settle(page, '[data-testid="royal-status-result"]', vectorCheck(c));
    });
  }
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await typeViewer(page, { user_id: 'viewer', interested_in: ['female'], age_min: 18, age_max: 40, location: { lat: 52.2297, lon: 21.0122 }, max_distance_km: 50 }, 1795435200000, { explain: true });
  await page.evaluate(() => (document.querySelector('#deck-json').closest('details').open = true));
  await page.click('[data-testid="deck-example"]');
  await fill(page, P, 'royal-spent', 12000);
  await paste(page, '#royal-buckets', JSON.stringify([{ day: 20760, tokens: 4000 }, { day: 20773, tokens: 9000 }]));
  await choose(page, P, 'royal-sub', '(none)');
  await when(page, P, 'royal-now', 1795435200000);
  await page.evaluate(() => document.querySelectorAll('#discovery details').forEach((d) => (d.open = false)));
}
