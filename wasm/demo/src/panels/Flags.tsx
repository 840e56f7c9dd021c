// Flag inspector (SPEC §7.4): a flag configuration and a user → each flag's decision, the
// deciding rule and the user's rollout bucket. Computed by evaluateFlags and flagBucket.
import { useMemo, useState } from 'react';
import { evaluateFlags, flagBucket, type FlagSet, type Platform } from '@avalo/core';
import { attempt, num, utc, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { Field, Panel, Result, Select } from '../ui';

const PLATFORMS = ['(any)', 'ios', 'android', 'web'] as const;

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
  const [now, setNow] = useState('1795176000000');

  const parsed = useMemo(() => parseSet(setText), [setText]);
  const evaluation = useMemo(() => {
    if (!policy) return null;
    if (!parsed.ok) return parsed;
    return attempt(() =>
      evaluateFlags(policy, parsed.value, {
        user_id: user,
        region: region.trim() === '' ? undefined : region,
        platform: platform === '(any)' ? undefined : (platform as Platform),
        now_ms: num(now),
      }),
    );
  }, [policy, parsed, user, region, platform, now]);
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
        <div className="field wide">
          <label htmlFor="flags-set">Flag set (JSON: killed_groups, flags[])</label>
          <textarea id="flags-set" name="flags-set" rows={10} spellCheck={false} value={setText} onChange={(e) => setSetText(e.target.value)} />
          <div>
            <button type="button" data-testid="flags-example" onClick={() => setSetText(JSON.stringify(EXAMPLE, null, 1))}>
              Example flags
            </button>
          </div>
        </div>
        <fieldset>
          <legend>User</legend>
          <div className="fields">
            <Field label="User id" name="flags-user" value={user} onChange={setUser} />
            <Field label="Region (empty = unknown)" name="flags-region" value={region} onChange={setRegion} />
            <Select label="Platform" name="flags-platform" value={platform} onChange={setPlatform} options={PLATFORMS} />
            <Field label="Now (ms since epoch)" name="flags-now" numeric value={now} onChange={setNow} hint={utc(num(now))} />
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
