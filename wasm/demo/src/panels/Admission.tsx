// Signup and admission simulator (SPEC §13): launch mode × country phase × load × the day's
// counters → admitted (with the counters to store), queued (place and retry time) or refused
// by the first failing check, shown in SPEC §13's order with the decisive step highlighted.
// Computed by admit and nextUtcMidnight.
import { useMemo, useState } from 'react';
import { admit, nextUtcMidnight, type AdmissionOperation, type AdmissionRequest, type LaunchMode, type RolloutPhase } from '@avalo/core';
import { attempt, num, utc } from '../core';
import { usePolicy } from '../policy';
import { Check, DateTime, Field, msFromUtc, Panel, Result, Select, utcText } from '../ui';

const OPERATIONS: readonly AdmissionOperation[] = ['signup', 'purchase', 'creator_onboarding'];
const MODES: readonly LaunchMode[] = ['internal_test', 'closed_beta', 'soft_launch', 'global_launch'];
const PHASES = ['(none)', 'alpha', 'soft', 'public', 'pause'] as const;
const ALLOWLIST = ['(not checked)', 'on the allowlist', 'not on the allowlist'] as const;

/** SPEC §13's steps, in order, with the codes that stop at each. */
const STEPS: readonly [string, readonly string[]][] = [
  ['1. input: country, birth date, counters', ['INVALID_INPUT']],
  ['2. age ≥ 18 today (UTC)', ['AGE_RESTRICTED']],
  ['3. signup: allowlist, then invite', ['ALLOWLIST_REQUIRED', 'NOT_ON_ALLOWLIST', 'INVITE_CODE_REQUIRED', 'INVALID_INVITE_CODE', 'INVITE_CODE_DEPLETED']],
  ["4. country: its phase, else the mode's list", ['COUNTRY_PAUSED', 'COUNTRY_NOT_ALLOWED']],
  ['5. daily caps (mode, then phase)', ['DAILY_LIMIT_REACHED']],
  ['6. throttle while overloaded', ['ADMISSION_QUEUED']],
  ['7. admitted: store the counters', []],
];

export function AdmissionPanel() {
  const { policy } = usePolicy();
  const [operation, setOperation] = useState<string>('signup');
  const [mode, setMode] = useState<string>('soft_launch');
  const [birth, setBirth] = useState('1990-05-15');
  const [country, setCountry] = useState('CZ');
  const [phase, setPhase] = useState<string>('soft');
  const [allow, setAllow] = useState<string>('(not checked)');
  const [inviteCode, setInviteCode] = useState('');
  const [hasInvite, setHasInvite] = useState(false);
  const [invite, setInvite] = useState({ code: '', used: '0', max: '10' });
  const [modeCount, setModeCount] = useState('120');
  const [modeAt, setModeAt] = useState('2026-11-20T11:00');
  const [countryCount, setCountryCount] = useState('998');
  const [countryAt, setCountryAt] = useState('2026-11-20T11:00');
  const [overrides, setOverrides] = useState({ users: '', payments: '', creators: '' });
  const [overloaded, setOverloaded] = useState(false);
  const [queue, setQueue] = useState('0');
  const [now, setNow] = useState('2026-11-20T12:00');

  const request = (): AdmissionRequest => {
    const o = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, num(v)]));
    return {
      operation: operation as AdmissionOperation,
      mode: mode as LaunchMode,
      birth_date: birth,
      country,
      phase: phase === '(none)' ? undefined : (phase as RolloutPhase),
      overrides: o,
      on_allowlist: allow === '(not checked)' ? undefined : allow === 'on the allowlist',
      invite_code: inviteCode === '' ? undefined : inviteCode,
      invite: hasInvite ? { code: invite.code, used_count: num(invite.used), max_uses: num(invite.max) } : undefined,
      mode_counter: { count: num(modeCount), updated_at_ms: msFromUtc(modeAt) },
      country_counter: { count: num(countryCount), updated_at_ms: msFromUtc(countryAt) },
      overloaded,
      queue_length: num(queue),
      now_ms: msFromUtc(now),
    } as AdmissionRequest;
  };
  const decision = useMemo(
    () => (policy ? attempt(() => admit(policy, request())) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [policy, operation, mode, birth, country, phase, allow, inviteCode, hasInvite, invite, modeCount, modeAt, countryCount, countryAt, overrides, overloaded, queue, now],
  );
  const midnight = useMemo(() => attempt(() => nextUtcMidnight(msFromUtc(now))), [now]);

  const code = decision === null ? null : decision.ok ? (decision.value.outcome === 'admitted' ? null : decision.value.code) : decision.error.code;
  const decisive = decision === null ? -1 : code === null ? STEPS.length - 1 : STEPS.findIndex(([, codes]) => codes.includes(code));

  return (
    <Panel
      id="admission"
      title="Signup and admission simulator"
      intro="What would the server do for this applicant right now, and why: SPEC §13's checks in order, the first refusal highlighted, and when to retry."
      fingerprint={decision?.ok ? decision.value.policy_fingerprint : undefined}
    >
      <div className="cols">
        <fieldset>
          <legend>Applicant and operation</legend>
          <div className="fields">
            <Select label="Operation" name="adm-operation" value={operation} onChange={setOperation} options={OPERATIONS} />
            <Select label="Launch mode" name="adm-mode" value={mode} onChange={setMode} options={MODES} />
            <div className="field">
              <label htmlFor="adm-birth">Birth date</label>
              <input id="adm-birth" name="adm-birth" type="text" placeholder="YYYY-MM-DD" value={birth} onChange={(e) => setBirth(e.target.value)} />
            </div>
            <Field label="Country (ISO code)" name="adm-country" value={country} onChange={setCountry} />
            <Select label="Country phase" name="adm-phase" value={phase} onChange={setPhase} options={PHASES} />
            <Select label="Allowlist" name="adm-allow" value={allow} onChange={setAllow} options={ALLOWLIST} />
            <Field label="Invite code given (empty = none)" name="adm-invite-code" value={inviteCode} onChange={setInviteCode} />
            <Check label="The code is on record" name="adm-has-invite" checked={hasInvite} onChange={setHasInvite} />
            {hasInvite && (
              <>
                <Field label="Recorded code" name="adm-invite-record" value={invite.code} onChange={(v) => setInvite({ ...invite, code: v })} />
                <Field label="Uses so far" name="adm-invite-used" numeric value={invite.used} onChange={(v) => setInvite({ ...invite, used: v })} />
                <Field label="Max uses" name="adm-invite-max" numeric value={invite.max} onChange={(v) => setInvite({ ...invite, max: v })} />
              </>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>Today's counters and load</legend>
          <div className="fields">
            <Field label="Mode signups counted" name="adm-mode-count" numeric value={modeCount} onChange={setModeCount} />
            <DateTime label="Mode counter updated" name="adm-mode-at" value={modeAt} onChange={setModeAt} />
            <Field label="Country counter (this operation's kind)" name="adm-country-count" numeric value={countryCount} onChange={setCountryCount} />
            <DateTime label="Country counter updated" name="adm-country-at" value={countryAt} onChange={setCountryAt} />
            <Field label="Users cap override (empty = phase's)" name="adm-ov-users" numeric value={overrides.users} onChange={(v) => setOverrides({ ...overrides, users: v })} />
            <Field label="Payments cap override" name="adm-ov-payments" numeric value={overrides.payments} onChange={(v) => setOverrides({ ...overrides, payments: v })} />
            <Field label="Creators cap override" name="adm-ov-creators" numeric value={overrides.creators} onChange={(v) => setOverrides({ ...overrides, creators: v })} />
            <Check label="Overloaded (last throttle result)" name="adm-overloaded" checked={overloaded} onChange={setOverloaded} />
            <Field label="Queue length" name="adm-queue" numeric value={queue} onChange={setQueue} />
            <DateTime label="Now" name="adm-now" value={now} onChange={setNow} hint={midnight.ok ? `caps reset ${utc(midnight.value)}` : undefined} />
          </div>
        </fieldset>
      </div>
      <ol className="steps" data-testid="adm-steps" aria-label="Admission checks in order">
        {STEPS.map(([label], k) => (
          <li key={k} className={k < decisive ? 'step passed' : k === decisive ? (code === null ? 'step decisive ok' : 'step decisive bad') : 'step skipped'} data-step={k + 1}>
            {label}
            {k === decisive && code !== null && (
              <>
                {' '}
                → <code>{code}</code>
              </>
            )}
            {k < decisive && ' ✓'}
            {k > decisive && ' (not reached)'}
          </li>
        ))}
      </ol>
      <Result
        testid="adm-result"
        label="Admission"
        outcome={decision}
        rows={(d) =>
          d.outcome === 'admitted'
            ? [
                ['Outcome', 'outcome', <span className="ok">admitted</span>, 'admitted'],
                ['Country', 'country', d.country],
                ['Age', 'age_years', d.age_years],
                ['Store mode counter', 'mode_counter.count', d.mode_counter ? d.mode_counter.count : '—', d.mode_counter ? d.mode_counter.count : ''],
                ['… updated at', 'mode_counter.updated_at_ms', d.mode_counter ? utcText(d.mode_counter.updated_at_ms) : '—', d.mode_counter ? d.mode_counter.updated_at_ms : ''],
                ['Store country counter', 'country_counter.count', d.country_counter.count],
                ['… updated at', 'country_counter.updated_at_ms', utcText(d.country_counter.updated_at_ms), d.country_counter.updated_at_ms],
                ['Invite uses after', 'invite_used_count', d.invite_used_count ?? '—', d.invite_used_count ?? ''],
              ]
            : d.outcome === 'queued'
              ? [
                  ['Outcome', 'outcome', <span className="bad">queued</span>, 'queued'],
                  ['Code', 'code', d.code],
                  ['Place in queue', 'position_hint', d.position_hint],
                  ['Retry at', 'retry_at_ms', `${utc(d.retry_at_ms)} UTC`, d.retry_at_ms],
                ]
              : [
                  ['Outcome', 'outcome', <span className="bad">refused</span>, 'refused'],
                  ['Code', 'code', d.code],
                  ['Cap', 'cap', d.cap ?? '—', d.cap ?? ''],
                  ['Retry at', 'retry_at_ms', d.retry_at_ms === null ? 'no retry helps' : `${utc(d.retry_at_ms)} UTC`, d.retry_at_ms ?? ''],
                ]
        }
      />
    </Panel>
  );
}
