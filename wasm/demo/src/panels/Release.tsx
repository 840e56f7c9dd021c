// Release gate (SPEC §15): a staged release's channel, stage, soak, sessions, error and
// crash-free rates and the compliance gates → advance (to which percentage), hold (why, until
// when), roll back (why) or complete. Computed by releaseGate.
import { useMemo, useState } from 'react';
import { releaseGate, type ComplianceGate, type GateCheck, type ReadinessStatus, type ReleaseChannel } from '@avalo/core';
import { attempt, num, utc, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { DateTime, ErrorBox, Field, JsonIO, msFromUtc, Panel, Result, Select } from '../ui';

const CHANNELS: readonly ReleaseChannel[] = ['android', 'ios', 'web', 'backend'];
export const GATES: readonly ComplianceGate[] = [
  'terms_of_service',
  'privacy_policy',
  'age_gate',
  'kyc_provider',
  'content_moderation',
  'refund_policy',
  'data_export',
  'data_deletion',
  'cookie_consent',
];
const STATUSES = ['(not reported)', 'pass', 'warn', 'fail'] as const;
const ALL_PASS: GateCheck[] = GATES.map((gate) => ({ gate, status: 'pass' }));
const pct = (bp: number | null | undefined) => (bp === null || bp === undefined || !Number.isFinite(bp) ? '' : ` = ${(bp / 100).toFixed(2)} %`);

export function ReleasePanel() {
  const { policy } = usePolicy();
  const [channel, setChannel] = useState<string>('android');
  const [stage, setStage] = useState('10');
  const [entered, setEntered] = useState('2026-11-18T12:00');
  const [now, setNow] = useState('2026-11-20T12:00');
  const [sessions, setSessions] = useState('5000');
  const [errorBp, setErrorBp] = useState('10');
  const [crashFree, setCrashFree] = useState('9950');
  const [gates, setGates] = useState<GateCheck[]>(ALL_PASS);
  const [gatesImport, setGatesImport] = useState<Outcome<unknown> | null>(null);

  const setGate = (gate: ComplianceGate, status: string) => {
    setGatesImport(null);
    const rest = gates.filter((g) => g.gate !== gate);
    const next = status === '(not reported)' ? rest : [...rest, { gate, status: status as ReadinessStatus }];
    setGates(GATES.flatMap((g) => next.filter((x) => x.gate === g)));
  };

  const decision = useMemo(() => {
    if (!policy) return null;
    if (gatesImport && !gatesImport.ok) return gatesImport;
    return attempt(() =>
      releaseGate(policy, {
        channel: channel as ReleaseChannel,
        stage_percent: num(stage),
        entered_at_ms: msFromUtc(entered),
        now_ms: msFromUtc(now),
        sessions: num(sessions),
        error_bp: num(errorBp),
        crash_free_bp: crashFree.trim() === '' ? undefined : num(crashFree),
        gates,
      }),
    );
  }, [policy, channel, stage, entered, now, sessions, errorBp, crashFree, gates, gatesImport]);

  return (
    <Panel
      id="release"
      title="Release gate"
      intro="A staged release right now: advance and to which percentage, hold (why, until when), roll back (why), or complete."
      fingerprint={decision?.ok ? decision.value.policy_fingerprint : undefined}
    >
      <div className="cols">
        <fieldset>
          <legend>Release</legend>
          <div className="fields">
            <Select label="Channel" name="rel-channel" value={channel} onChange={setChannel} options={CHANNELS} />
            <Field label="Current stage (%)" name="rel-stage" numeric value={stage} onChange={setStage} />
            <DateTime label="Stage entered at" name="rel-entered" value={entered} onChange={setEntered} />
            <DateTime label="Now" name="rel-now" value={now} onChange={setNow} />
            <Field label="Sessions at this stage" name="rel-sessions" numeric value={sessions} onChange={setSessions} />
            <Field label={`Error rate (bp${pct(Number(errorBp))})`} name="rel-error" numeric value={errorBp} onChange={setErrorBp} />
            <Field
              label={`Crash-free sessions (bp${pct(crashFree.trim() === '' ? null : Number(crashFree))}; empty = unknown)`}
              name="rel-crash-free"
              numeric
              value={crashFree}
              onChange={setCrashFree}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Compliance gates</legend>
          <div className="fields">
            {GATES.map((g) => (
              <Select
                key={g}
                label={g.replace(/_/g, ' ')}
                name={`rel-gate-${g}`}
                value={gates.find((x) => x.gate === g)?.status ?? '(not reported)'}
                onChange={(v) => setGate(g, v)}
                options={STATUSES}
              />
            ))}
          </div>
          <JsonIO
            name="rel-gates"
            label="Gate checks"
            fileName="gates.json"
            rows={3}
            text={JSON.stringify(gates)}
            onText={(t) => {
              try {
                const v = JSON.parse(t) as GateCheck[];
                if (!Array.isArray(v)) throw new Error('expected [{ "gate", "status" }]');
                setGatesImport({ ok: true, value: v });
                setGates(v);
              } catch (e) {
                setGatesImport({ ok: false, error: { code: 'INVALID_JSON', reason: `gate checks: ${e instanceof Error ? e.message : String(e)}` } });
              }
            }}
          />
          {gatesImport && !gatesImport.ok && <ErrorBox error={gatesImport.error} />}
        </fieldset>
      </div>
      <Result
        testid="rel-result"
        label="Release decision"
        outcome={decision}
        rows={(d) => [
          ['Action', 'action', <span className={d.action === 'roll_back' ? 'bad' : d.action === 'hold' ? 'warn' : 'ok'}>{d.action.replace('_', ' ')}</span>, d.action],
          ['Next percentage', 'next_percent', `${d.next_percent} %`, d.next_percent],
          ['Hold reason', 'hold_reason', d.hold_reason ?? '—', d.hold_reason ?? ''],
          ['Hold until', 'hold_until_ms', d.hold_until_ms === null ? '—' : `${utc(d.hold_until_ms)} UTC`, d.hold_until_ms ?? ''],
          ['Roll back because', 'rollback_reasons', d.rollback_reasons.join(', ') || '—', d.rollback_reasons.join(',')],
          [
            'Failing gates',
            'failing_gates',
            d.failing_gates.map((g) => `${g.gate} (${g.status ?? 'not reported'})`).join(', ') || '—',
            d.failing_gates.map((g) => `${g.gate}:${g.status ?? ''}`).join(','),
          ],
          ['Pause phased release', 'pause_phased_release', d.pause_phased_release ? 'yes' : 'no', d.pause_phased_release],
          ['Flags off', 'flags_off', d.flags_off ? 'yes' : 'no', d.flags_off],
        ]}
      />
    </Panel>
  );
}
