// Flag inspector (SPEC §7.4): a flag configuration and a user → each flag's decision, the
// deciding rule and the user's rollout bucket. Computed by evaluateFlags and flagBucket.
import { useMemo, useState } from 'react';
import { evaluateFlags, flagBucket, type Environment, type FlagDefinition, type FlagSet, type Platform } from '@avalo/core';
import { attempt, num, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { Check, DateTime, ErrorBox, Field, JsonIO, msFromUtc, Panel, Result, Select, utcText } from '../ui';

const PLATFORMS = ['(any)', 'ios', 'android', 'web'] as const;
const ENVIRONMENTS = ['(any)', 'development', 'staging', 'production'] as const;

/** "a, b c" → ['a', 'b', 'c']; empty → undefined (no restriction) or [] (`empty`). */
function list<T extends string>(text: string, empty: T[] | undefined): T[] | undefined {
  const items = text.split(/[\s,;]+/).filter((x) => x !== '') as T[];
  return items.length ? items : empty;
}
const joined = (v: readonly string[] | null | undefined) => (v ?? []).join(', ');
/** A picker's text → the optional millisecond bound ('' = none). */
const optMs = (v: string): number | undefined => (v.trim() === '' ? undefined : msFromUtc(v));

/** One flag as a form; every change rewrites the flag set. */
function FlagForm({ flag, k, onChange, onRemove }: { flag: FlagDefinition; k: number; onChange: (f: FlagDefinition) => void; onRemove: () => void }) {
  const set = (patch: Partial<FlagDefinition>) => onChange({ ...flag, ...patch });
  return (
    <fieldset className="flag-form" data-testid={`flag-form-${k}`}>
      <legend>
        Flag {k + 1}: {flag.name || '(unnamed)'}
      </legend>
      <div className="fields">
        <Field label="Name" name={`flag-${k}-name`} value={flag.name ?? ''} onChange={(v) => set({ name: v })} />
        <Field
          label="Rollout (bp; 10 000 = 100 %)"
          name={`flag-${k}-rollout`}
          numeric
          value={String(flag.rollout_bp ?? '')}
          onChange={(v) => set({ rollout_bp: num(v) })}
        />
        <Check label="Enabled" name={`flag-${k}-enabled`} checked={Boolean(flag.enabled)} onChange={(v) => set({ enabled: v })} />
        <Check label="Kill switch" name={`flag-${k}-kill`} checked={Boolean(flag.kill_switch)} onChange={(v) => set({ kill_switch: v })} />
        <Field label="Regions (empty = all)" name={`flag-${k}-regions`} value={joined(flag.regions)} onChange={(v) => set({ regions: list(v, undefined) })} />
        <Field
          label="Platforms (ios, android, web; empty = all)"
          name={`flag-${k}-platforms`}
          value={joined(flag.platforms)}
          onChange={(v) => set({ platforms: list<Platform>(v, undefined) })}
        />
        <Field
          label="Environments (empty = all)"
          name={`flag-${k}-envs`}
          value={joined(flag.environments)}
          onChange={(v) => set({ environments: list<Environment>(v, undefined) })}
        />
        <DateTime label="Starts at" name={`flag-${k}-starts`} value={utcText(flag.starts_at_ms)} onChange={(v) => set({ starts_at_ms: optMs(v) })} />
        <DateTime label="Ends at" name={`flag-${k}-ends`} value={utcText(flag.ends_at_ms)} onChange={(v) => set({ ends_at_ms: optMs(v) })} />
        <Field label="Always on for users" name={`flag-${k}-allowed`} value={joined(flag.allowed_users)} onChange={(v) => set({ allowed_users: list(v, []) })} />
        <Field label="Always off for users" name={`flag-${k}-blocked`} value={joined(flag.blocked_users)} onChange={(v) => set({ blocked_users: list(v, []) })} />
      </div>
      <button type="button" onClick={onRemove} aria-label={`Remove flag ${k + 1}`}>
        Remove flag
      </button>
    </fieldset>
  );
}

const EXAMPLE: FlagSet = {
  killed_groups: [],
  flags: [
    { name: 'chat_voice_notes', enabled: true, rollout_bp: 2500 },
    { name: 'video_calls', enabled: true, regions: ['PL', 'CZ'], platforms: ['ios', 'android'], rollout_bp: 10000 },
    { name: 'new_discovery', enabled: true, starts_at_ms: 1795000000000, ends_at_ms: 1796000000000, rollout_bp: 5000 },
    { name: 'royal_gifts', enabled: false, rollout_bp: 10000 },
    { name: 'beta_wallet', enabled: true, allowed_users: ['user-42'], blocked_users: ['user-7'], rollout_bp: 100 },
  ],
};

function parseSet(text: string): Outcome<FlagSet> {
  try {
    return { ok: true, value: JSON.parse(text) as FlagSet };
  } catch (e) {
    return { ok: false, error: { code: 'INVALID_JSON', reason: `flag set: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

export function FlagsPanel() {
  const { policy } = usePolicy();
  const [setText, setSetText] = useState(() => JSON.stringify(EXAMPLE, null, 1));
  const [user, setUser] = useState('user-42');
  const [region, setRegion] = useState('PL');
  const [platform, setPlatform] = useState<string>('ios');
  const [now, setNow] = useState('2026-11-20T12:00');
  const [env, setEnv] = useState<string>('(any)');

  const parsed = useMemo(() => parseSet(setText), [setText]);
  const write = (set: FlagSet) => setSetText(JSON.stringify(set, null, 1));
  const evaluation = useMemo(() => {
    if (!policy) return null;
    if (!parsed.ok) return parsed;
    return attempt(() =>
      evaluateFlags(policy, parsed.value, {
        user_id: user,
        region: region.trim() === '' ? undefined : region,
        platform: platform === '(any)' ? undefined : (platform as Platform),
        environment: env === '(any)' ? undefined : (env as Environment),
        now_ms: msFromUtc(now),
      }),
    );
  }, [policy, parsed, user, region, platform, env, now]);
  const buckets = useMemo(() => {
    if (!parsed.ok) return parsed;
    const flags = Array.isArray(parsed.value.flags) ? parsed.value.flags : [];
    return attempt(() => flags.map((f) => ({ flag: f.name, bucket: attempt(() => flagBucket(f.name, user)) })));
  }, [parsed, user]);

  return (
    <Panel
      id="flags"
      title="Flag inspector"
      intro="A flag configuration and a user → each flag's decision, the rule that decided it, and the user's rollout bucket."
      fingerprint={evaluation?.ok ? evaluation.value.policy_fingerprint : undefined}
    >
      <div className="cols">
        <fieldset className="wide-block">
          <legend>Flag set</legend>
          {parsed.ok && parsed.value && Array.isArray(parsed.value.flags) ? (
            <>
              <div className="fields">
                <Field
                  label="Killed kill-switch groups"
                  name="flags-killed"
                  value={joined(parsed.value.killed_groups)}
                  onChange={(v) => write({ ...parsed.value, killed_groups: list(v, []) ?? [] })}
                />
              </div>
              <div className="flag-forms">
                {parsed.value.flags.map((f, k) => (
                  <FlagForm
                    key={k}
                    k={k}
                    flag={f}
                    onChange={(nf) => write({ ...parsed.value, flags: parsed.value.flags.map((x, j) => (j === k ? nf : x)) })}
                    onRemove={() => write({ ...parsed.value, flags: parsed.value.flags.filter((_, j) => j !== k) })}
                  />
                ))}
              </div>
              <button type="button" data-testid="flags-add" onClick={() =>
                  setSetText((old) => {
                    const set = parseSet(old);
                    const base = set.ok && set.value && Array.isArray(set.value.flags) ? set.value : parsed.value;
                    const flag: FlagDefinition = { name: 'new_flag', enabled: true, rollout_bp: 10000, allowed_users: [], blocked_users: [], kill_switch: false };
                    return JSON.stringify({ ...base, flags: [...base.flags, flag] }, null, 1);
                  })
                }>
                Add a flag
              </button>
            </>
          ) : (
            !parsed.ok && <ErrorBox error={parsed.error} />
          )}
          <JsonIO name="flags-set" label="Flag set" fileName="flags.json" rows={10} text={setText} onText={setSetText} />
          <div>
            <button type="button" data-testid="flags-example" onClick={() => setSetText(JSON.stringify(EXAMPLE, null, 1))}>
              Example flags
            </button>
          </div>
        </fieldset>
        <fieldset>
          <legend>User</legend>
          <div className="fields">
            <Field label="User id" name="flags-user" value={user} onChange={setUser} />
            <Field label="Region (empty = unknown)" name="flags-region" value={region} onChange={setRegion} />
            <Select label="Platform" name="flags-platform" value={platform} onChange={setPlatform} options={PLATFORMS} />
            <Select label="Environment" name="flags-env" value={env} onChange={setEnv} options={ENVIRONMENTS} />
            <DateTime label="Now" name="flags-now" value={now} onChange={setNow} />
          </div>
        </fieldset>
      </div>
      <Result
        testid="flags-result"
        label="Flag decisions"
        outcome={evaluation}
        rows={(e) => [['Flags', 'count', e.decisions.length]]}
      >
        {(e) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Flag</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Deciding rule</th>
                  <th scope="col">Rollout bucket</th>
                </tr>
              </thead>
              <tbody>
                {e.decisions.map((d, k) => {
                  return (
                    <tr key={`${d.flag}-${k}`} data-flag={d.flag}>
                      <th scope="row" data-field="flag">
                        {d.flag}
                      </th>
                      <td data-field="on" data-value={String(d.on)} className={d.on ? 'ok' : 'bad'}>
                        {d.on ? 'on' : 'off'}
                      </td>
                      <td data-field="rule">{d.rule}</td>
                      <td data-field="bucket" data-value={d.bucket === null ? '' : String(d.bucket)}>
                        {d.bucket ?? '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Result>
      <Result testid="flags-buckets" label="Rollout buckets of the user" outcome={buckets} rows={() => []}>
        {(list) => (
          <details>
            <summary>The user's rollout bucket for every flag (0–9 999; on when below rollout_bp)</summary>
            <div className="table-wrap">
              <table>
                <tbody>
                  {list.map(({ flag, bucket }, k) => (
                    <tr key={`${flag}-${k}`}>
                      <th scope="row" data-field="flag">
                        {flag}
                      </th>
                      <td data-field="bucket">{bucket.ok ? bucket.value : `${bucket.error.code}: ${bucket.error.reason}`}</td>
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
