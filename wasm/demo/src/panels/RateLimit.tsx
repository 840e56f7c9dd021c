// Rate-limit simulator (SPEC §6): pick a policy action and tier (or a custom limit), fire
// requests on a timeline, and see each decision. Computed by actionLimit, listActions and
// decideSequence; the page only turns the timeline text into request records.
import { useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js/auto';
import { actionLimit, decideSequence, listActions, type LimitRequest, type SubscriptionTier } from '@avalo/core';
import { attempt, num } from '../core';
import { usePolicy } from '../policy';
import { ChartCanvas, Check, DateTime, Field, msFromUtc, Panel, Result, Select, Suggest } from '../ui';

const TIERS: readonly SubscriptionTier[] = ['free', 'plus', 'intimate', 'creator'];
const START = '2026-11-20T12:00';

/** "offset [cost]" per line (ms after the start; cost 1 when omitted) → request records. */
function timeline(start: string, text: string): LimitRequest[] {
  const t0 = msFromUtc(start);
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const [offset = '', cost = '1'] = l.split(/[\s,;]+/);
      return { now_ms: t0 + num(offset), cost: num(cost) };
    });
}

export function RateLimitPanel() {
  const { policy } = usePolicy();
  const [action, setAction] = useState('login');
  const [tier, setTier] = useState<string>('free');
  const [custom, setCustom] = useState(false);
  const [cLimit, setCLimit] = useState('10');
  const [cWindow, setCWindow] = useState('300000');
  const [cBurst, setCBurst] = useState('10');
  const [state, setState] = useState('0');
  const [start, setStart] = useState(START);
  const [requests, setRequests] = useState('0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n30000\n60000');
  const [burstN, setBurstN] = useState('5');
  const [burstEvery, setBurstEvery] = useState('10000');

  const limit = useMemo(
    () => (policy && !custom ? attempt(() => actionLimit(policy, action, tier as SubscriptionTier)) : null),
    [policy, custom, action, tier],
  );
  const actions = useMemo(() => (policy ? attempt(() => ({ actions: listActions(policy, tier as SubscriptionTier) })) : null), [policy, tier]);
  const run = useMemo(() => {
    if (!policy) return null;
    if (!custom && !limit?.ok) return limit;
    const spec = custom ? { limit: num(cLimit), window_ms: num(cWindow), burst: num(cBurst) } : limit!.ok ? limit!.value.rate : null;
    return attempt(() => decideSequence(spec!, num(state), timeline(start, requests)));
  }, [policy, custom, limit, cLimit, cWindow, cBurst, state, start, requests]);

  const fire = () => {
    // Appends N requests, `every` ms apart, after the last request of the timeline.
    const lines = requests.split('\n').filter((l) => l.trim() !== '');
    const last = lines.length ? num(lines[lines.length - 1].trim().split(/[\s,;]+/)[0]) : 0;
    const add = Array.from({ length: Math.max(0, Math.min(1000, num(burstN) || 0)) }, (_, k) => String(last + (k + 1) * (num(burstEvery) || 0)));
    setRequests([...lines, ...add].join('\n'));
  };

  const chart = useMemo((): ChartConfiguration | null => {
    if (!run?.ok) return null;
    const t0 = msFromUtc(start);
    const reqs = timeline(start, requests);
    const labels = run.value.decisions.map((_, k) => `${((reqs[k]?.now_ms ?? t0) - t0) / 1000}s`);
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            type: 'bar',
            label: 'remaining (allowed)',
            data: run.value.decisions.map((d) => (d.allowed ? d.remaining : null)),
            backgroundColor: '#2f7d5b',
            yAxisID: 'y',
          },
          {
            type: 'line',
            label: 'denied',
            data: run.value.decisions.map((d) => (d.allowed ? null : 0)),
            showLine: false,
            pointStyle: 'triangle',
            pointRadius: 8,
            borderColor: '#c0392b',
            backgroundColor: '#c0392b',
            yAxisID: 'y',
          },
          {
            type: 'line',
            label: 'retry after (s)',
            data: run.value.decisions.map((d) => d.retry_after_ms / 1000),
            borderColor: '#2f6fbe',
            backgroundColor: '#2f6fbe',
            yAxisID: 'y1',
          },
        ],
      },
      options: {
        scales: {
          y: { beginAtZero: true, title: { display: true, text: 'remaining' } },
          y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'retry after, s' } },
          x: { title: { display: true, text: 'request time after start' } },
        },
      },
    };
  }, [run, start, requests]);

  return (
    <Panel id="ratelimit" title="Rate-limit simulator" intro="Choose an action (or a custom limit), fire requests on a timeline, and see each GCRA decision.">
      <div className="cols">
        <fieldset>
          <legend>Limit</legend>
          <div className="fields">
            <Check label="Custom limit" name="rl-custom" checked={custom} onChange={setCustom} />
          </div>
          {custom ? (
            <div className="fields">
              <Field label="Requests per window" name="rl-limit" numeric value={cLimit} onChange={setCLimit} />
              <Field label="Window (ms)" name="rl-window" numeric value={cWindow} onChange={setCWindow} />
              <Field label="Burst" name="rl-burst" numeric value={cBurst} onChange={setCBurst} />
            </div>
          ) : (
            <>
              <div className="fields">
                <Suggest
                  label="Action"
                  name="rl-action"
                  value={action}
                  onChange={setAction}
                  options={actions?.ok ? actions.value.actions.map((a) => a.action) : []}
                />
                <Select label="Tier" name="rl-tier" value={tier} onChange={setTier} options={TIERS} />
              </div>
              <Result
                testid="ratelimit-limit"
                label="Effective limit"
                outcome={limit}
                rows={(a) => [
                  ['Action', 'action', a.action],
                  ['Limit / window', 'rate.limit', `${a.rate.limit} / ${a.rate.window_ms} ms`, a.rate.limit],
                  ['Window (ms)', 'rate.window_ms', a.rate.window_ms],
                  ['Burst', 'rate.burst', a.rate.burst],
                  ['Tier ×', 'tier_multiplier', a.tier_multiplier],
                  ['On store failure', 'on_failure', a.on_failure],
                  ['Interval (ticks)', 'rate.interval_ticks', a.rate.interval_ticks],
                  ['Ticks per ms', 'rate.ticks_per_ms', a.rate.ticks_per_ms],
                ]}
              />
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>Timeline</legend>
          <div className="fields">
            <Field label="Stored state (0 = new subject)" name="rl-state" numeric value={state} onChange={setState} />
            <DateTime label="Start" name="rl-start" value={start} onChange={setStart} />
          </div>
          <div className="field wide">
            <label htmlFor="rl-requests">Requests, one per line: ms after the start, then the cost (default 1; 0 = peek)</label>
            <textarea id="rl-requests" name="rl-requests" rows={5} spellCheck={false} value={requests} onChange={(e) => setRequests(e.target.value)} />
          </div>
          <div className="fields">
            <Field label="Fire N more" name="rl-fire-n" numeric value={burstN} onChange={setBurstN} />
            <Field label="every (ms)" name="rl-fire-every" numeric value={burstEvery} onChange={setBurstEvery} />
            <div className="field">
              <span className="label-space" aria-hidden="true">
                &nbsp;
              </span>
              <button type="button" onClick={fire}>
                Fire
              </button>
            </div>
          </div>
        </fieldset>
      </div>
      <Result
        testid="ratelimit-run"
        label="Decisions"
        outcome={run}
        rows={(s) => [
          ['Admitted', 'admitted', s.admitted],
          ['State to store', 'state', s.state],
          ['Requests', 'requests', s.decisions.length],
        ]}
      >
        {(s) => (
          <>
            {chart && <ChartCanvas config={chart} label="Remaining and retry-after per request" testid="ratelimit-chart" />}
            <div className="table-wrap scroll">
              <table>
                <caption>One decision per request</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Decision</th>
                    <th scope="col">Remaining</th>
                    <th scope="col">Retry after (ms)</th>
                    <th scope="col">New state</th>
                  </tr>
                </thead>
                <tbody>
                  {s.decisions.map((d, k) => (
                    <tr key={k}>
                      <th scope="row">{k + 1}</th>
                      <td data-field="allowed" data-value={String(d.allowed)} className={d.allowed ? 'ok' : 'bad'}>
                        {d.allowed ? 'allowed' : 'denied'}
                      </td>
                      <td data-field="remaining">{d.remaining}</td>
                      <td data-field="retry_after_ms">{d.retry_after_ms}</td>
                      <td data-field="new_state">{d.new_state}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Result>
      <Result
        testid="ratelimit-actions"
        label="Actions for the tier"
        outcome={actions}
        rows={() => []}
      >
        {({ actions: list }) => (
          <details>
            <summary>All actions for tier {tier}</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Limit</th>
                    <th scope="col">Window (ms)</th>
                    <th scope="col">Burst</th>
                    <th scope="col">Tier ×</th>
                    <th scope="col">On failure</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr key={a.action}>
                      <th scope="row" data-field="action">{a.action}</th>
                      <td data-field="rate.limit">{a.rate.limit}</td>
                      <td data-field="rate.window_ms">{a.rate.window_ms}</td>
                      <td data-field="rate.burst">{a.rate.burst}</td>
                      <td data-field="tier_multiplier">{a.tier_multiplier}</td>
                      <td data-field="on_failure">{a.on_failure}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </Result>
    </Panel>
  );
}
