// Discovery (SPEC §5, §10): a candidate deck (JSON or CSV) ranked for a viewer typed as a
// form, with each candidate's score breakdown and the reason every dropped candidate was
// dropped; and the Royal Club tier calculator. Computed by rankCandidates, tierForSpend and
// royalStatus; the page only turns CSV rows and form fields into the core's records.
import { useMemo, useState } from 'react';
import {
  rankCandidates,
  royalStatus,
  tierForSpend,
  type Candidate,
  type Gender,
  type Profile,
  type RoyalTier,
  type SpendBucket,
  type Viewer,
} from '@avalo/core';
import { attempt, num, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { Check, DateTime, ErrorBox, Field, JsonIO, msFromUtc, Panel, Result, Select } from '../ui';

const GENDERS: readonly Gender[] = ['female', 'male', 'non_binary'];
const TIERS: readonly RoyalTier[] = ['silver', 'gold', 'platinum'];
const DAY_MS = 86_400_000;

/** The CSV columns of a deck (header row first; an empty cell = not set). */
export const CSV_COLUMNS = [
  'user_id',
  'active',
  'verified',
  'boost_until_ms',
  'photos',
  'has_video_intro',
  'has_bio',
  'birth_date',
  'gender',
  'lat',
  'lon',
  'interests',
  'response_rate',
  'royal',
  'loyalty_level',
  'last_active_ms',
  'reports',
] as const;

const EXAMPLE: Candidate[] = [
  { user_id: 'anna', active: true, verified: true, profile: { photos: 5, has_bio: true, birth_date: '1996-05-10', gender: 'female', location: { lat: 52.25, lon: 21.0 }, interests: 4, response_rate: 0.8, loyalty_level: 3, last_active_ms: 1795432000000, reports: 0 } },
  { user_id: 'ewa', active: true, verified: true, boost_until_ms: 1795440000000, profile: { photos: 2, has_bio: false, birth_date: '1999-01-02', gender: 'female', location: { lat: 52.4, lon: 16.9 }, interests: 1, response_rate: 0.4, loyalty_level: 1, last_active_ms: 1795300000000, reports: 0 } },
  { user_id: 'kasia', active: true, verified: false, profile: { photos: 4, has_bio: true, birth_date: '1994-07-21', gender: 'female', location: { lat: 52.23, lon: 21.01 }, interests: 3, response_rate: 0.9, loyalty_level: 2, last_active_ms: 1795430000000, reports: 0 } },
  { user_id: 'marta', active: true, verified: true, profile: { photos: 3, has_bio: true, birth_date: '1990-03-03', gender: 'female', location: { lat: 52.22, lon: 21.05 }, interests: 2, response_rate: 0.6, royal: true, loyalty_level: 4, last_active_ms: 1795420000000, reports: 1 } },
  { user_id: 'tomek', active: true, verified: true, profile: { photos: 3, has_bio: true, birth_date: '1993-09-09', gender: 'male', location: { lat: 52.2, lon: 21.0 }, interests: 2, response_rate: 0.5, loyalty_level: 1, last_active_ms: 1795420000000, reports: 0 } },
];

/** One CSV line → cells (double quotes may wrap a cell; "" is a quote). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') {
        cur += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

/** A CSV deck → candidates (conversion only: the core validates every value). */
export function parseCsv(text: string): Outcome<Candidate[]> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return { ok: true, value: [] };
  const head = cells(lines[0]);
  const unknown = head.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) return { ok: false, error: { code: 'INVALID_CSV', reason: `unknown column(s) ${unknown.join(', ')}; known: ${CSV_COLUMNS.join(', ')}` } };
  const deck: Candidate[] = [];
  for (const [n, line] of lines.slice(1).entries()) {
    const row: Record<string, string> = {};
    cells(line).forEach((v, k) => (row[head[k] ?? `#${k}`] = v));
    const has = (k: string) => row[k] !== undefined && row[k] !== '';
    const bool = (k: string) => row[k] === 'true' || row[k] === '1';
    if (!has('user_id')) return { ok: false, error: { code: 'INVALID_CSV', reason: `line ${n + 2}: user_id is empty` } };
    const p: Profile = {};
    for (const k of ['photos', 'interests', 'loyalty_level', 'reports', 'response_rate', 'last_active_ms'] as const) if (has(k)) (p as Record<string, unknown>)[k] = num(row[k]);
    for (const k of ['has_video_intro', 'has_bio', 'royal'] as const) if (has(k)) p[k] = bool(k);
    if (has('birth_date')) p.birth_date = row.birth_date;
    if (has('gender')) p.gender = row.gender as Gender;
    if (has('lat') || has('lon')) p.location = { lat: num(row.lat ?? ''), lon: num(row.lon ?? '') };
    const c: Candidate = { user_id: row.user_id, active: bool('active'), verified: bool('verified'), profile: p };
    if (has('boost_until_ms')) c.boost_until_ms = num(row.boost_until_ms);
    deck.push(c);
  }
  return { ok: true, value: deck };
}

const ids = (text: string) => text.split(/[\s,;]+/).filter((x) => x !== '');
const optNum = (text: string) => (text.trim() === '' ? undefined : num(text));
const fmt = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(d));

/** A spending day (days since 1970-01-01) ↔ the date picker's text. */
const dayText = (day: number) => (Number.isSafeInteger(day) ? new Date(day * DAY_MS).toISOString().slice(0, 10) : '');
const dayOf = (text: string) => (text === '' ? Number.NaN : Math.floor(Date.parse(`${text}T00:00:00Z`) / DAY_MS));

export function DiscoveryPanel() {
  const { policy } = usePolicy();
  // Viewer
  const [viewerId, setViewerId] = useState('viewer');
  const [wants, setWants] = useState<Gender[]>(['female']);
  const [ageMin, setAgeMin] = useState('18');
  const [ageMax, setAgeMax] = useState('40');
  const [lat, setLat] = useState('52.2297');
  const [lon, setLon] = useState('21.0122');
  const [maxKm, setMaxKm] = useState('50');
  const [liked, setLiked] = useState('');
  const [passed, setPassed] = useState('');
  const [blocked, setBlocked] = useState('');
  const [blockedBy, setBlockedBy] = useState('');
  const [now, setNow] = useState('2026-11-21T12:00');
  const [size, setSize] = useState('');
  const [offset, setOffset] = useState('');
  const [explain, setExplain] = useState(true);
  // Deck
  const [deckText, setDeckText] = useState(() => JSON.stringify(EXAMPLE, null, 1));
  const [deckError, setDeckError] = useState<Outcome<unknown> | null>(null);
  const [csv, setCsv] = useState('');
  const [note, setNote] = useState('');

  const deck = useMemo((): Outcome<Candidate[]> => {
    try {
      const v = JSON.parse(deckText) as Candidate[];
      return Array.isArray(v) ? { ok: true, value: v } : { ok: false, error: { code: 'INVALID_JSON', reason: 'a deck is a JSON array of candidates' } };
    } catch (e) {
      return { ok: false, error: { code: 'INVALID_JSON', reason: `deck: ${e instanceof Error ? e.message : String(e)}` } };
    }
  }, [deckText]);

  const takeCsv = (text: string, name?: string) => {
    setCsv(text);
    const parsed = parseCsv(text);
    setDeckError(parsed.ok ? null : parsed);
    if (parsed.ok) setDeckText(JSON.stringify(parsed.value, null, 1));
    if (name) setNote(`loaded ${name}: ${parsed.ok ? `${parsed.value.length} candidates` : parsed.error.code}`);
  };

  const viewer = (): Viewer => {
    const v: Viewer = { user_id: viewerId, interested_in: wants, age_min: num(ageMin), age_max: num(ageMax) };
    if (lat.trim() !== '' || lon.trim() !== '') v.location = { lat: num(lat), lon: num(lon) };
    const km = optNum(maxKm);
    if (km !== undefined) v.max_distance_km = km;
    v.liked_ids = ids(liked);
    v.passed_ids = ids(passed);
    v.blocked_ids = ids(blocked);
    v.blocked_by_ids = ids(blockedBy);
    return v;
  };

  const ranked = useMemo(() => {
    if (!policy) return null;
    if (deckError && !deckError.ok) return deckError;
    if (!deck.ok) return deck;
    const page = { size: optNum(size), offset: optNum(offset) ?? 0, explain };
    return attempt(() => rankCandidates(policy, viewer(), deck.value, msFromUtc(now), page));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [policy, deck, deckError, viewerId, wants, ageMin, ageMax, lat, lon, maxKm, liked, passed, blocked, blockedBy, now, size, offset, explain]);

  // Royal Club
  const [spent, setSpent] = useState('12000');
  const tier = useMemo(() => (policy ? attempt(() => ({ tier: tierForSpend(policy, num(spent)) })) : null), [policy, spent]);
  const [buckets, setBuckets] = useState<{ day: string; tokens: string }[]>([
    { day: '2026-11-02', tokens: '4000' },
    { day: '2026-11-15', tokens: '9000' },
  ]);
  const [bucketImport, setBucketImport] = useState<Outcome<unknown> | null>(null);
  const [subTier, setSubTier] = useState('(none)');
  const [subUntil, setSubUntil] = useState('2026-12-31T00:00');
  const [royalNow, setRoyalNow] = useState('2026-11-21T12:00');
  const bucketList: SpendBucket[] = buckets.map((b) => ({ day: dayOf(b.day), tokens: num(b.tokens) }));
  const status = useMemo(() => {
    if (!policy) return null;
    if (bucketImport && !bucketImport.ok) return bucketImport;
    const sub = subTier === '(none)' ? undefined : { tier: subTier as RoyalTier, active_until_ms: msFromUtc(subUntil) };
    return attempt(() => royalStatus(policy, bucketList, sub, msFromUtc(royalNow)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [policy, buckets, bucketImport, subTier, subUntil, royalNow]);

  return (
    <Panel
      id="discovery"
      title="Discovery"
      intro="Load a candidate deck (CSV or JSON), rank it for a viewer, and see why each candidate is where it is — or why it was dropped. Royal Club tier from spend."
      fingerprint={ranked?.ok ? ranked.value.policy_fingerprint : undefined}
    >
      <div className="cols">
        <fieldset>
          <legend>Viewer</legend>
          <div className="fields">
            <Field label="Viewer id" name="dv-id" value={viewerId} onChange={setViewerId} />
            {GENDERS.map((g) => (
              <Check
                key={g}
                label={`Interested in ${g.replace('_', '-')}`}
                name={`dv-wants-${g}`}
                checked={wants.includes(g)}
                onChange={(on) => setWants(on ? [...wants.filter((x) => x !== g), g].sort((a, b) => GENDERS.indexOf(a) - GENDERS.indexOf(b)) : wants.filter((x) => x !== g))}
              />
            ))}
            <Field label="Age from" name="dv-age-min" numeric value={ageMin} onChange={setAgeMin} />
            <Field label="Age to" name="dv-age-max" numeric value={ageMax} onChange={setAgeMax} />
            <Field label="Latitude (empty = unknown)" name="dv-lat" value={lat} onChange={setLat} />
            <Field label="Longitude" name="dv-lon" value={lon} onChange={setLon} />
            <Field label="Max distance, km (empty = any)" name="dv-km" value={maxKm} onChange={setMaxKm} />
            <Field label="Already liked (ids)" name="dv-liked" value={liked} onChange={setLiked} />
            <Field label="Already passed (ids)" name="dv-passed" value={passed} onChange={setPassed} />
            <Field label="Blocked by the viewer (ids)" name="dv-blocked" value={blocked} onChange={setBlocked} />
            <Field label="Who blocked the viewer (ids)" name="dv-blocked-by" value={blockedBy} onChange={setBlockedBy} />
            <DateTime label="Now" name="dv-now" value={now} onChange={setNow} />
            <Field label="Page size (empty = policy default)" name="dv-size" numeric value={size} onChange={setSize} />
            <Field label="Offset" name="dv-offset" numeric value={offset} onChange={setOffset} />
            <Check label="Explain dropped candidates" name="dv-explain" checked={explain} onChange={setExplain} />
          </div>
        </fieldset>
        <fieldset>
          <legend>Candidate deck ({deck.ok ? deck.value.length : '?'} candidates)</legend>
          <div className="field wide">
            <label htmlFor="deck-csv-file">Load a CSV deck (header: {CSV_COLUMNS.join(', ')})</label>
            <input
              id="deck-csv-file"
              name="deck-csv-file"
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                if (f) takeCsv(await f.text(), f.name);
              }}
            />
            <small className="hint" data-testid="deck-note">
              {note}
            </small>
          </div>
          <details>
            <summary>Paste a CSV deck</summary>
            <label htmlFor="deck-csv">CSV deck</label>
            <textarea id="deck-csv" name="deck-csv" rows={5} spellCheck={false} value={csv} onChange={(e) => takeCsv(e.target.value)} />
          </details>
          <JsonIO
            name="deck-json"
            label="Deck"
            fileName="deck.json"
            rows={8}
            text={deckText}
            onText={(t) => {
              setDeckError(null);
              setDeckText(t);
            }}
          />
          <button type="button" data-testid="deck-example" onClick={() => {
              setDeckError(null);
              setNote('');
              setDeckText(JSON.stringify(EXAMPLE, null, 1));
            }}
          >
            Example deck
          </button>
          {deckError && !deckError.ok && <ErrorBox error={deckError.error} />}
        </fieldset>
      </div>
      <Result
        testid="discovery-result"
        label="Ranked candidates"
        outcome={ranked}
        rows={(r) => [
          ['Shown', 'results.length', r.results.length],
          ['Page size', 'page_size', r.page_size],
          ['Offset', 'offset', r.offset],
          ['Dropped', 'dropped.length', r.dropped.length],
        ]}
      >
        {(r) => (
          <>
            <div className="table-wrap">
              <table>
                <caption>Ranked for {viewerId}: rank = score total (+ Royal / boost), each factor 0–1</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Candidate</th>
                    <th scope="col">Rank</th>
                    <th scope="col">Photos</th>
                    <th scope="col">Complete</th>
                    <th scope="col">Responds</th>
                    <th scope="col">Loyalty</th>
                    <th scope="col">Activity</th>
                    <th scope="col">Trust</th>
                    <th scope="col">Age</th>
                    <th scope="col">km</th>
                    <th scope="col">Royal / boost</th>
                  </tr>
                </thead>
                <tbody>
                  {r.results.map((c, k) => (
                    <tr key={c.user_id} data-candidate={c.user_id}>
                      <td>{r.offset + k + 1}</td>
                      <th scope="row" data-field="user_id">
                        {c.user_id}
                      </th>
                      <td data-field="rank" data-value={String(c.rank)} title={String(c.rank)}>
                        {fmt(c.rank, 2)}
                      </td>
                      <td data-field="score.photos" data-value={String(c.score.photos)}>
                        {fmt(c.score.photos)}
                      </td>
                      <td data-field="score.completeness" data-value={String(c.score.completeness)}>
                        {fmt(c.score.completeness)}
                      </td>
                      <td data-field="score.responsiveness" data-value={String(c.score.responsiveness)}>
                        {fmt(c.score.responsiveness)}
                      </td>
                      <td data-field="score.loyalty" data-value={String(c.score.loyalty)}>
                        {fmt(c.score.loyalty)}
                      </td>
                      <td data-field="score.activity" data-value={String(c.score.activity)}>
                        {fmt(c.score.activity)}
                      </td>
                      <td data-field="score.trust" data-value={String(c.score.trust)}>
                        {fmt(c.score.trust)}
                        <span hidden data-field="score.total" data-value={String(c.score.total)} />
                      </td>
                      <td data-field="age">{c.age}</td>
                      <td data-field="distance_km" data-value={c.distance_km === null ? '' : String(c.distance_km)}>
                        {fmt(c.distance_km, 1)}
                      </td>
                      <td>
                        <span data-field="royal" data-value={String(c.royal)}>
                          {c.royal ? 'Royal' : ''}
                        </span>{' '}
                        <span data-field="boosted" data-value={String(c.boosted)}>
                          {c.boosted ? 'boosted' : ''}
                        </span>
                        {!c.royal && !c.boosted && '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="table-wrap" data-testid="discovery-dropped">
              <table>
                <caption>Dropped before ranking, and why</caption>
                <thead>
                  <tr>
                    <th scope="col">Candidate</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {r.dropped.map((d) => (
                    <tr key={d.user_id}>
                      <th scope="row" data-field="user_id">
                        {d.user_id}
                      </th>
                      <td data-field="reason" className="bad">
                        {d.reason}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Result>

      <div className="cols">
        <fieldset>
          <legend>Royal Club tier for a spend</legend>
          <div className="fields">
            <Field label="Tokens spent in the window" name="royal-spent" numeric value={spent} onChange={setSpent} />
          </div>
          <Result testid="royal-tier-result" label="Tier for spend" outcome={tier} rows={(t) => [['Tier', 'tier', t.tier]]} />
        </fieldset>
        <fieldset>
          <legend>Royal Club status</legend>
          {buckets.map((b, k) => (
            <div className="fields" key={k}>
              <div className="field">
                <label htmlFor={`royal-day-${k}`}>Spending day {k + 1} (UTC)</label>
                <input
                  id={`royal-day-${k}`}
                  name={`royal-day-${k}`}
                  type="date"
                  value={b.day}
                  onChange={(e) => {
                    setBucketImport(null);
                    setBuckets(buckets.map((x, j) => (j === k ? { ...x, day: e.target.value } : x)));
                  }}
                />
              </div>
              <Field
                label={`Tokens spent that day`}
                name={`royal-tokens-${k}`}
                numeric
                value={b.tokens}
                onChange={(v) => {
                  setBucketImport(null);
                  setBuckets(buckets.map((x, j) => (j === k ? { ...x, tokens: v } : x)));
                }}
              />
              <div className="field">
                <span className="label-space" aria-hidden="true">
                  &nbsp;
                </span>
                <button type="button" aria-label={`Remove spending day ${k + 1}`} onClick={() => setBuckets(buckets.filter((_, j) => j !== k))}>
                  Remove
                </button>
              </div>
            </div>
          ))}
          <button type="button" data-testid="royal-add" onClick={() => setBuckets((old) => [...old, { day: royalNow.slice(0, 10), tokens: '0' }])}>
            Add a spending day
          </button>
          <JsonIO
            name="royal-buckets"
            label="Spending days"
            fileName="spend-buckets.json"
            rows={3}
            text={JSON.stringify(bucketList)}
            onText={(t) => {
              try {
                const v = JSON.parse(t) as SpendBucket[];
                if (!Array.isArray(v)) throw new Error('expected [{ "day", "tokens" }]');
                setBucketImport({ ok: true, value: v });
                setBuckets(v.map((b) => ({ day: dayText(b.day), tokens: String(b.tokens) })));
              } catch (e) {
                setBucketImport({ ok: false, error: { code: 'INVALID_JSON', reason: `spending days: ${e instanceof Error ? e.message : String(e)}` } });
              }
            }}
          />
          <div className="fields">
            <Select label="Subscription" name="royal-sub" value={subTier} onChange={setSubTier} options={['(none)', ...TIERS]} />
            {subTier !== '(none)' && <DateTime label="Subscription active until" name="royal-sub-until" value={subUntil} onChange={setSubUntil} />}
            <DateTime label="Now" name="royal-now" value={royalNow} onChange={setRoyalNow} />
          </div>
          <Result
            testid="royal-status-result"
            label="Royal status"
            outcome={status}
            rows={(s) => [
              ['Tier', 'tier', s.tier],
              ['From spend', 'spend_tier', s.spend_tier],
              ['Subscription floor', 'subscription_floor', s.subscription_floor ?? '—', s.subscription_floor ?? ''],
              ['Spent in window', 'spent_in_window', s.spent_in_window],
              ['Window from', 'window_start_day', dayText(s.window_start_day), s.window_start_day],
              ['Window to', 'window_end_day', dayText(s.window_end_day), s.window_end_day],
              ['Next tier', 'next_tier', s.next_tier ?? '—', s.next_tier ?? ''],
              ['Tokens to next', 'tokens_to_next_tier', s.tokens_to_next_tier ?? '—', s.tokens_to_next_tier ?? ''],
              ['Leaving tomorrow', 'leaving_window_tomorrow', s.leaving_window_tomorrow],
            ]}
          />
        </fieldset>
      </div>
    </Panel>
  );
}
