// Health and alerts (SPEC §8): component checks → each component's status and the overall
// one; the period's metrics → which alert thresholds are crossed; launch-readiness checks →
// ready or not, with what failed. Computed by componentHealth, checkAlerts and
// launchReadiness.
import { useMemo, useState } from 'react';
import {
  checkAlerts,
  componentHealth,
  launchReadiness,
  type AlertMetrics,
  type ComponentCheck,
  type HealthCheckOutcome,
  type ReadinessCheck,
  type ReadinessStatus,
} from '@avalo/core';
import { attempt, num, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { ErrorBox, Field, JsonIO, Panel, Result, Select } from '../ui';

const OUTCOMES: readonly HealthCheckOutcome[] = ['ok', 'degraded', 'failed'];
const STATUSES: readonly ReadinessStatus[] = ['pass', 'warn', 'fail'];
const METRICS: readonly [keyof AlertMetrics, string][] = [
  ['requests', 'Requests'],
  ['errors', 'Errors'],
  ['payments', 'Payments'],
  ['payment_failures', 'Payment failures'],
  ['token_spend', 'Token spend this period'],
  ['trailing_token_spend', 'Token spend, trailing periods'],
  ['trailing_periods', 'Trailing periods'],
  ['sessions', 'Sessions'],
  ['crash_free_sessions', 'Crash-free sessions'],
];
const pct = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2)} %`);

type Row = { name: string; a: string; b?: string };

/** Rows of a small list as a form: one line per entry, add and remove, JSON import/export. */
function Rows(props: {
  id: string;
  legend: string;
  rows: Row[];
  setRows: (r: Row[] | ((old: Row[]) => Row[])) => void;
  options: readonly string[];
  optionLabel: string;
  withDuration?: boolean;
  toJson: (r: Row[]) => unknown;
  fromJson: (v: unknown) => Row[];
  imported: Outcome<unknown> | null;
  setImported: (o: Outcome<unknown> | null) => void;
}) {
  const { rows, setRows } = props;
  const edit = (k: number, patch: Partial<Row>) => {
    props.setImported(null);
    setRows(rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  };
  return (
    <>
      {rows.map((r, k) => (
        <div className="fields" key={k}>
          <Field label={`Name ${k + 1}`} name={`${props.id}-${k}-name`} value={r.name} onChange={(v) => edit(k, { name: v })} />
          <Select label={props.optionLabel} name={`${props.id}-${k}-status`} value={r.a} onChange={(v) => edit(k, { a: v })} options={props.options} />
          {props.withDuration && <Field label="Took (ms)" name={`${props.id}-${k}-ms`} numeric value={r.b ?? ''} onChange={(v) => edit(k, { b: v })} />}
          <div className="field">
            <span className="label-space" aria-hidden="true">
              &nbsp;
            </span>
            <button type="button" aria-label={`Remove ${props.legend} ${k + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== k))}>
              Remove
            </button>
          </div>
        </div>
      ))}
      <button type="button" data-testid={`${props.id}-add`} onClick={() => setRows((old) => [...old, { name: '', a: props.options[0], b: '0' }])}>
        Add a {props.legend}
      </button>
      <JsonIO
        name={`${props.id}-json`}
        label={props.legend}
        fileName={`${props.id}.json`}
        rows={3}
        text={JSON.stringify(props.toJson(rows))}
        onText={(t) => {
          try {
            const v = JSON.parse(t) as unknown;
            if (!Array.isArray(v)) throw new Error('expected a JSON array');
            props.setImported({ ok: true, value: v });
            setRows(props.fromJson(v));
          } catch (e) {
            props.setImported({ ok: false, error: { code: 'INVALID_JSON', reason: `${props.legend}: ${e instanceof Error ? e.message : String(e)}` } });
          }
        }}
      />
      {props.imported && !props.imported.ok && <ErrorBox error={props.imported.error} />}
    </>
  );
}

export function HealthPanel() {
  const { policy } = usePolicy();
  const [checks, setChecks] = useState<Row[]>([
    { name: 'db', a: 'ok', b: '12' },
    { name: 'cache', a: 'ok', b: '2400' },
    { name: 'payments', a: 'ok', b: '180' },
  ]);
  const [checksImport, setChecksImport] = useState<Outcome<unknown> | null>(null);
  const health = useMemo(() => {
    if (!policy) return null;
    if (checksImport && !checksImport.ok) return checksImport;
    const list: ComponentCheck[] = checks.map((r) => ({ name: r.name, outcome: r.a as HealthCheckOutcome, duration_ms: num(r.b ?? '') }));
    return attempt(() => componentHealth(policy, list));
  }, [policy, checks, checksImport]);

  const [metrics, setMetrics] = useState<Record<string, string>>({
    requests: '120000',
    errors: '4100',
    payments: '2300',
    payment_failures: '260',
    token_spend: '910000',
    trailing_token_spend: '1800000',
    trailing_periods: '6',
    sessions: '50000',
    crash_free_sessions: '49800',
  });
  const alerts = useMemo(() => {
    if (!policy) return null;
    const m = Object.fromEntries(METRICS.map(([k]) => [k, num(metrics[k] ?? '')])) as unknown as AlertMetrics;
    return attempt(() => checkAlerts(policy, m));
  }, [policy, metrics]);

  const [gates, setGates] = useState<Row[]>([
    { name: 'payments', a: 'pass' },
    { name: 'kyc provider', a: 'pass' },
    { name: 'load test', a: 'warn' },
  ]);
  const [gatesImport, setGatesImport] = useState<Outcome<unknown> | null>(null);
  const readiness = useMemo(() => {
    if (gatesImport && !gatesImport.ok) return gatesImport;
    const list: ReadinessCheck[] = gates.map((r) => ({ name: r.name, status: r.a as ReadinessStatus }));
    return attempt(() => launchReadiness(list));
  }, [gates, gatesImport]);

  return (
    <Panel
      id="health"
      title="Health and alerts"
      intro="Component checks → status; this period's metrics → which alert thresholds are crossed; launch-readiness checks → ready or not, and why."
    >
      <div className="cols">
        <fieldset>
          <legend>Component health</legend>
          <Rows
            id="hc"
            legend="component check"
            rows={checks}
            setRows={setChecks}
            options={OUTCOMES}
            optionLabel="Check outcome"
            withDuration
            toJson={(r) => r.map((x) => ({ name: x.name, outcome: x.a, duration_ms: num(x.b ?? '') }))}
            fromJson={(v) => (v as ComponentCheck[]).map((c) => ({ name: c.name, a: c.outcome, b: String(c.duration_ms) }))}
            imported={checksImport}
            setImported={setChecksImport}
          />
          <Result testid="health-result" label="Component health" outcome={health} rows={(h) => [['Overall', 'overall', <span className={`status status-${h.overall}`}>{h.overall}</span>, h.overall]]}>
            {(h) => (
              <div className="table-wrap">
                <table>
                  <tbody>
                    {h.components.map((c, k) => (
                      <tr key={k}>
                        <th scope="row" data-field="name">
                          {c.name}
                        </th>
                        <td data-field="status" data-value={c.status} className={`status status-${c.status}`}>
                          {c.status}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Result>
        </fieldset>
        <fieldset>
          <legend>Alert thresholds (this period)</legend>
          <div className="fields">
            {METRICS.map(([k, label]) => (
              <Field key={k} label={label} name={`alert-${k}`} numeric value={metrics[k] ?? ''} onChange={(v) => setMetrics({ ...metrics, [k]: v })} />
            ))}
          </div>
          <Result
            testid="alerts-result"
            label="Alerts"
            outcome={alerts}
            rows={(a) => [['Alerting', 'alerting', a.alerting ? <span className="bad">yes</span> : <span className="ok">no</span>, a.alerting]]}
          >
            {(a) => (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Alert</th>
                      <th scope="col">Value</th>
                      <th scope="col">Threshold</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.alerts.map((x) => (
                      <tr key={x.kind}>
                        <th scope="row" data-field="kind" className="bad">
                          {x.kind}
                        </th>
                        <td data-field="value_bp" data-value={x.value_bp === null ? '' : String(x.value_bp)}>
                          {pct(x.value_bp)}
                        </td>
                        <td data-field="threshold_bp" data-value={String(x.threshold_bp)}>
                          {pct(x.threshold_bp)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Result>
        </fieldset>
      </div>
      <fieldset>
        <legend>Launch readiness</legend>
        <Rows
          id="rd"
          legend="readiness check"
          rows={gates}
          setRows={setGates}
          options={STATUSES}
          optionLabel="Status"
          toJson={(r) => r.map((x) => ({ name: x.name, status: x.a }))}
          fromJson={(v) => (v as ReadinessCheck[]).map((c) => ({ name: c.name, a: c.status }))}
          imported={gatesImport}
          setImported={setGatesImport}
        />
        <Result
          testid="readiness-result"
          label="Launch readiness"
          outcome={readiness}
          rows={(r) => [
            ['Overall', 'overall', r.overall],
            ['Ready for launch', 'ready_for_launch', r.ready_for_launch ? <span className="ok">yes</span> : <span className="bad">no</span>, r.ready_for_launch],
            ['Failed', 'failed', r.failed.join(', ') || '—', r.failed.join(',')],
            ['Warnings', 'warnings', r.warnings.join(', ') || '—', r.warnings.join(',')],
          ]}
        />
      </fieldset>
    </Panel>
  );
}
