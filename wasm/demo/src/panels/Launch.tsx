// Region launch dashboard (SPEC §7.2, §8.1): KPIs per market (typed or loaded from a JSON
// file) → risk score, level, per-factor breakdown (chart), pause recommendation, the
// country's phase and today's signup cap, and soft → public progression readiness.
// Computed by regionRisk, checkCountryCap, progressionReadiness and nextMarket.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartConfiguration } from 'chart.js/auto';
import {
  checkCountryCap,
  nextMarket,
  progressionReadiness,
  regionRisk,
  type CapKind,
  type CapOverrides,
  type DailyCounter,
  type DayMetrics,
  type RegionMetrics,
  type RolloutPhase,
} from '@avalo/core';
import { attempt, failure, num, utc, type Failure, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { ChartCanvas, DateTime, ErrorBox, Field, MoneyField, msFromUtc, Panel, Select, toMinor, utcText } from '../ui';
import { currencyInfo } from '@avalo/core';

/** One market of the dataset. */
interface Region {
  country: string;
  phase?: RolloutPhase | null;
  kpis?: RegionMetrics;
  cap?: { kind?: CapKind; counter?: DailyCounter; overrides?: CapOverrides };
  days?: DayMetrics[];
}

interface Dataset {
  now_ms: number;
  regions: Region[];
}

const NOW = 1795176000000; // 2026-11-20 12:00 UTC

/** Seven days of soft-launch metrics before NOW (2026-11-13 … 2026-11-19). */
const week = (active: number, incidents: number): DayMetrics[] =>
  Array.from({ length: 7 }, (_, k) => ({
    date: `2026-11-${String(13 + k).padStart(2, '0')}`,
    active_users: active + k * 40,
    revenue_minor: 620000 + k * 10000,
    safety_incidents: k === 4 ? incidents : 6,
    installs: 1400,
    verified: 760,
  }));

/** A plausible example for the eight markets of the default sequence. */
const EXAMPLE: Dataset = {
  now_ms: NOW,
  regions: [
    { country: 'PL', phase: 'public', kpis: { support_tickets: 42, safety_incidents: 3, revenue_minor: 2_400_000, installs: 5200, verified: 3100 }, cap: { kind: 'users', counter: { count: 3870, updated_at_ms: NOW - 600_000 } } },
    { country: 'CZ', phase: 'soft', kpis: { support_tickets: 28, safety_incidents: 2, revenue_minor: 640_000, installs: 1400, verified: 760 }, cap: { kind: 'users', counter: { count: 512, updated_at_ms: NOW - 60_000 } }, days: week(1100, 8) },
    { country: 'SK', phase: 'soft', kpis: { support_tickets: 61, safety_incidents: 4, revenue_minor: 180_000, installs: 900, verified: 400 }, cap: { kind: 'users', counter: { count: 1000, updated_at_ms: NOW - 60_000 } }, days: week(900, 25) },
    { country: 'HR', phase: 'alpha', kpis: { support_tickets: 9, safety_incidents: 0, revenue_minor: 90_000, installs: 120, verified: 70 }, cap: { kind: 'users', counter: { count: 37, updated_at_ms: NOW - 3_600_000 } } },
    { country: 'RO', phase: 'alpha', kpis: { support_tickets: 120, safety_incidents: 11, revenue_minor: 20_000, installs: 300, verified: 60 }, cap: { kind: 'users', counter: { count: 99, updated_at_ms: NOW - 120_000 } } },
    { country: 'BG', phase: 'pause', kpis: { support_tickets: 75, safety_incidents: 6, revenue_minor: 40_000, installs: 200, verified: 50 }, cap: { kind: 'users', counter: { count: 0, updated_at_ms: 0 } } },
    { country: 'GR', phase: null },
    { country: 'IT', phase: null },
  ],
};

const FACTORS = ['support_tickets', 'safety_incidents', 'revenue', 'verification_rate'] as const;
const COLORS = ['#2f6fbe', '#c0392b', '#d68910', '#7d3c98'];

function parseDataset(text: string): Outcome<Dataset> {
  try {
    const v = JSON.parse(text) as Dataset;
    if (!v || typeof v !== 'object' || !Array.isArray(v.regions)) {
      return { ok: false, error: { code: 'INVALID_JSON', reason: 'expected { "now_ms": …, "regions": [ … ] }' } };
    }
    return { ok: true, value: v };
  } catch (e) {
    return { ok: false, error: { code: 'INVALID_JSON', reason: e instanceof Error ? e.message : String(e) } };
  }
}

/** A value with its test address (`data-field`); `raw` is what the tests compare. */
function V({ f, raw, children }: { f: string; raw: unknown; children?: ReactNode }) {
  return (
    <span data-field={f} data-value={raw === null || raw === undefined ? '' : String(raw)}>
      {children ?? String(raw ?? '—')}
    </span>
  );
}

function Err({ part, error }: { part: string; error: Failure }) {
  return (
    <span className="bad">
      <code data-field={`${part}.error.code`}>{error.code}</code> <span data-field={`${part}.error.reason`}>{error.reason}</span>
    </span>
  );
}

const PHASES = ['(not launched)', 'alpha', 'soft', 'public', 'pause'] as const;
const CAP_KINDS: readonly CapKind[] = ['users', 'payments', 'creators'];
const KPI_FIELDS = [
  ['support_tickets', 'Support tickets'],
  ['safety_incidents', 'Safety incidents'],
  ['installs', 'Installs'],
  ['verified', 'Verified users'],
] as const;
const ZERO_KPIS: RegionMetrics = { support_tickets: 0, safety_incidents: 0, revenue_minor: 0, installs: 0, verified: 0 };

/** Integer minor units → the currency's decimal text (display only; the core parses it back). */
function minorText(minor: number | undefined, currency: string): string {
  if (minor === undefined || !Number.isSafeInteger(minor) || minor < 0) return String(minor ?? '');
  const info = attempt(() => currencyInfo(currency));
  const d = info.ok ? info.value.minor_digits : 2;
  if (d === 0) return String(minor);
  const t = String(minor).padStart(d + 1, '0');
  return `${t.slice(0, -d)}.${t.slice(-d)}`;
}

/** Revenue typed in PLN; written to the dataset once the core accepts it (parseMoney). */
function RevenueField({ minor, onMinor }: { minor: number | undefined; onMinor: (m: number) => void }) {
  const [draft, setDraft] = useState(() => minorText(minor, 'PLN'));
  const [error, setError] = useState<Failure | null>(null);
  useEffect(() => {
    const typed = attempt(() => toMinor(draft, 'PLN'));
    if (!typed.ok || typed.value !== minor) {
      setDraft(minorText(minor, 'PLN'));
      setError(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [minor]);
  return (
    <div className="field">
      <MoneyField
        label="Revenue"
        name="market-revenue"
        currency="PLN"
        value={draft}
        onChange={(v) => {
          setDraft(v);
          try {
            const m = toMinor(v, 'PLN');
            setError(null);
            onMinor(m);
          } catch (e) {
            setError(failure(e));
          }
        }}
      />
      {error && (
        <div data-testid="market-revenue-error">
          <ErrorBox error={error} />
        </div>
      )}
    </div>
  );
}

/** The selected market as a form; every change rewrites the dataset. */
function MarketForm({ region, onChange }: { region: Region; onChange: (r: Region) => void }) {
  const kpis = region.kpis ?? ZERO_KPIS;
  const setKpi = (k: keyof RegionMetrics, v: number) => onChange({ ...region, kpis: { ...kpis, [k]: v } });
  const counter = region.cap?.counter ?? { count: 0, updated_at_ms: 0 };
  const setCap = (patch: Partial<NonNullable<Region['cap']>>) => onChange({ ...region, cap: { ...region.cap, ...patch } });
  return (
    <div className="fields" data-testid="market-form">
      <Field label="Country (ISO code)" name="market-country" value={region.country} onChange={(v) => onChange({ ...region, country: v })} />
      <Select
        label="Phase"
        name="market-phase"
        value={region.phase ?? '(not launched)'}
        onChange={(v) => onChange({ ...region, phase: v === '(not launched)' ? null : (v as RolloutPhase) })}
        options={PHASES}
      />
      {KPI_FIELDS.map(([k, label]) => (
        <Field key={k} label={label} name={`market-${k}`} numeric value={String(kpis[k] ?? '')} onChange={(v) => setKpi(k, num(v))} />
      ))}
      <RevenueField minor={kpis.revenue_minor} onMinor={(m) => setKpi('revenue_minor', m)} />
      <Select label="Cap counts" name="market-cap-kind" value={region.cap?.kind ?? 'users'} onChange={(v) => setCap({ kind: v as CapKind })} options={CAP_KINDS} />
      <Field
        label="Counted today"
        name="market-cap-count"
        numeric
        value={String(counter.count)}
        onChange={(v) => setCap({ counter: { ...counter, count: num(v) } })}
      />
      <DateTime
        label="Counter updated at"
        name="market-cap-updated"
        value={utcText(counter.updated_at_ms)}
        onChange={(v) => setCap({ counter: { ...counter, updated_at_ms: msFromUtc(v) } })}
      />
    </div>
  );
}

export function LaunchPanel() {
  const { policy, error: policyError } = usePolicy();
  const [text, setText] = useState(() => JSON.stringify(EXAMPLE, null, 1));
  const [fileNote, setFileNote] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const data = useMemo(() => parseDataset(text), [text]);
  const [selected, setSelected] = useState(0);
  const write = (d: Dataset) => setText(JSON.stringify(d, null, 1));
  const market = data.ok ? data.value.regions[Math.min(selected, data.value.regions.length - 1)] : undefined;
  const marketIndex = data.ok ? Math.min(selected, data.value.regions.length - 1) : -1;

  const rows = useMemo(() => {
    if (!data.ok) return [];
    if (!policy) {
      // No policy (a refused patch): every part of every region shows that refusal.
      const refused = { ok: false as const, error: policyError ?? { code: 'UNEXPECTED', reason: 'no policy' } };
      return data.value.regions.map((r) => ({ region: r, risk: r.kpis ? refused : null, cap: refused, progression: r.days ? refused : null }));
    }
    const now = data.value.now_ms;
    return data.value.regions.map((r) => ({
      region: r,
      risk: r.kpis ? attempt(() => regionRisk(policy, r.kpis!)) : null,
      cap: attempt(() =>
        checkCountryCap(policy, {
          phase: r.phase ?? undefined,
          overrides: r.cap?.overrides ?? {},
          kind: r.cap?.kind ?? 'users',
          counter: r.cap?.counter ?? { count: 0, updated_at_ms: 0 },
          now_ms: now,
        }),
      ),
      progression: r.days ? attempt(() => progressionReadiness(policy, r.days!, now)) : null,
    }));
  }, [policy, policyError, data]);

  const next = useMemo(() => {
    if (!policy || !data.ok) return null;
    const launched = data.value.regions.filter((r) => r.phase).map((r) => r.country);
    return attempt(() => nextMarket(policy, launched) ?? null);
  }, [policy, data]);

  const chart = useMemo((): ChartConfiguration | null => {
    const scored = rows.filter((r) => r.risk?.ok);
    if (!scored.length) return null;
    return {
      type: 'bar',
      data: {
        labels: scored.map((r) => r.region.country),
        datasets: FACTORS.map((f, k) => ({
          label: f.replace('_', ' '),
          data: scored.map((r) => (r.risk?.ok ? r.risk.value.breakdown[f] : 0)),
          backgroundColor: COLORS[k],
        })),
      },
      options: {
        plugins: { title: { display: true, text: 'Risk points per factor' } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'points' } } },
      },
    };
  }, [rows]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setFileNote(`loaded ${file.name} (${file.size} bytes)`);
  };

  const fp = rows.find((r) => r.risk?.ok)?.risk;
  return (
    <Panel
      id="launch"
      title="Region launch dashboard"
      intro="KPIs per market → risk score and factors, pause recommendation, phase and today's signup cap, and soft → public readiness."
      fingerprint={fp?.ok ? fp.value.policy_fingerprint : undefined}
    >
      <div className="cols">
        <fieldset>
          <legend>Markets</legend>
          {data.ok && (
            <>
              <div className="fields">
                <DateTime label="As of" name="launch-now" value={utcText(data.value.now_ms)} onChange={(v) => write({ ...data.value, now_ms: msFromUtc(v) })} />
                <Select
                  label="Market to edit"
                  name="market-pick"
                  value={String(marketIndex)}
                  onChange={(v) => setSelected(Number(v))}
                  options={data.value.regions.map((_, k) => String(k))}
                  labels={data.value.regions.map((r) => `${r.country || '(new)'} · ${r.phase ?? 'not launched'}`)}
                />
              </div>
              {market && (
                <MarketForm
                  key={marketIndex}
                  region={market}
                  onChange={(r) => write({ ...data.value, regions: data.value.regions.map((x, j) => (j === marketIndex ? r : x)) })}
                />
              )}
              <div className="buttons">
                <button
                  type="button"
                  data-testid="market-add"
                  onClick={() => {
                    write({ ...data.value, regions: [...data.value.regions, { country: '', phase: 'alpha', kpis: ZERO_KPIS }] });
                    setSelected(data.value.regions.length);
                  }}
                >
                  Add a market
                </button>
                <button
                  type="button"
                  disabled={!market}
                  onClick={() => write({ ...data.value, regions: data.value.regions.filter((_, j) => j !== marketIndex) })}
                >
                  Remove this market
                </button>
              </div>
            </>
          )}
        </fieldset>
        <details className="field wide json-io" open={!data.ok}>
          <summary>Markets: import / export as JSON (daily metrics for soft → public are bulk data)</summary>
          <label htmlFor="launch-data">Markets and KPIs (JSON: now_ms, regions[ country, phase, kpis, cap, days ])</label>
          <textarea id="launch-data" name="launch-data" rows={8} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="fields">
            <div className="field">
              <label htmlFor="launch-file">Load a JSON file</label>
              <input ref={fileInput} id="launch-file" name="launch-file" type="file" accept="application/json,.json" onChange={(e) => void onFile(e.target.files?.[0])} />
              <small className="hint" data-testid="launch-file-note">{fileNote}</small>
            </div>
            <div className="field">
              <span className="label-space" aria-hidden="true">
                &nbsp;
              </span>
              <button
                type="button"
                data-testid="launch-example"
                onClick={() => {
                  setText(JSON.stringify(EXAMPLE, null, 1));
                  setFileNote('');
                  if (fileInput.current) fileInput.current.value = '';
                }}
              >
                Example data
              </button>
            </div>
          </div>
        </details>
        <div>
          {chart && <ChartCanvas config={chart} label="Risk points per factor and region" testid="launch-chart" />}
          <p data-testid="launch-summary">
            {data.ok && <>As of {utc(data.value.now_ms)} UTC · </>}
            next market to open:{' '}
            {next?.ok ? <V f="next_market" raw={next.value} /> : next ? <Err part="next_market" error={next.error} /> : '—'}
          </p>
        </div>
      </div>
      {!data.ok && (
        <div data-testid="launch-data-error">
          <ErrorBox error={data.error} />
        </div>
      )}
      <div className="regions" data-testid="launch-regions">
        {rows.map(({ region, risk, cap, progression }, k) => (
          <article key={`${region.country}-${k}`} className="region" data-region={region.country} aria-label={`Region ${region.country}`}>
            <h3>
              {region.country} <small>{region.phase ?? 'not launched'}</small>
            </h3>
            {risk === null ? (
              <dl>
                <dt>Risk</dt>
                <dd>— (no KPIs)</dd>
              </dl>
            ) : risk.ok ? (
              <dl>
                <dt>Risk</dt>
                <dd>
                  <V f="risk.score" raw={risk.value.score} /> / <V f="risk.max_score" raw={risk.value.max_score} />{' '}
                  <span className={`level level-${risk.value.level}`}>
                    <V f="risk.level" raw={risk.value.level} />
                  </span>
                </dd>
                <dt>Factors</dt>
                <dd className="factors">
                  tickets <V f="risk.breakdown.support_tickets" raw={risk.value.breakdown.support_tickets} /> · incidents{' '}
                  <V f="risk.breakdown.safety_incidents" raw={risk.value.breakdown.safety_incidents} /> · revenue{' '}
                  <V f="risk.breakdown.revenue" raw={risk.value.breakdown.revenue} /> · verification{' '}
                  <V f="risk.breakdown.verification_rate" raw={risk.value.breakdown.verification_rate} /> (
                  <V f="risk.verification_rate_bp" raw={risk.value.verification_rate_bp} /> bp)
                </dd>
                <dt>Pause</dt>
                <dd className={risk.value.pause_recommended ? 'bad' : 'ok'}>
                  <V f="risk.pause_recommended" raw={risk.value.pause_recommended}>
                    {risk.value.pause_recommended ? 'pause recommended' : 'no'}
                  </V>
                </dd>
              </dl>
            ) : (
              <Err part="risk" error={risk.error} />
            )}
            <dl>
              <dt>Cap: {region.cap?.kind ?? 'users'}</dt>
              <dd>
                {cap.ok ? (
                  <>
                    <V f="cap.controlled" raw={cap.value.controlled}>
                      {cap.value.controlled ? 'controlled' : 'not controlled'}
                    </V>
                    {cap.value.controlled && (
                      <>
                        : next allowed, <V f="cap.remaining" raw={cap.value.remaining} /> left of <V f="cap.cap" raw={cap.value.cap} />
                      </>
                    )}
                    {cap.value.cap !== null && cap.value.cap > 0 && cap.value.remaining !== null && (
                      <progress max={cap.value.cap} value={cap.value.cap - cap.value.remaining} aria-label="cap used" />
                    )}
                    <small className="hint">
                      counter to store: <V f="cap.counter.count" raw={cap.value.counter.count} /> at{' '}
                      <V f="cap.counter.updated_at_ms" raw={cap.value.counter.updated_at_ms}>
                        {utc(cap.value.counter.updated_at_ms)}
                      </V>
                    </small>
                  </>
                ) : (
                  <Err part="cap" error={cap.error} />
                )}
              </dd>
              <dt>To public</dt>
              <dd>
                {progression === null ? (
                  '— (no daily metrics)'
                ) : progression.ok ? (
                  <>
                    <V f="progression.recommended" raw={progression.value.recommended}>
                      {progression.value.recommended ? 'ready' : 'not ready'}
                    </V>{' '}
                    (<V f="progression.window_start" raw={progression.value.window_start} /> …{' '}
                    <V f="progression.window_end" raw={progression.value.window_end} />)
                    {progression.value.failures.length > 0 && (
                      <ul className="failures">
                        {progression.value.failures.map((x, j) => (
                          <li key={j}>
                            <V f={`progression.failures.${j}.date`} raw={x.date} />{' '}
                            <V f={`progression.failures.${j}.criterion`} raw={x.criterion} />: <V f={`progression.failures.${j}.actual`} raw={x.actual} /> vs{' '}
                            <V f={`progression.failures.${j}.threshold`} raw={x.threshold} />
                          </li>
                        ))}
                      </ul>
                    )}
                    <div className="hint">
                      <V f="progression.failures.length" raw={progression.value.failures.length} /> failed criteria
                    </div>
                  </>
                ) : (
                  <Err part="progression" error={progression.error} />
                )}
              </dd>
            </dl>
          </article>
        ))}
      </div>
    </Panel>
  );
}
