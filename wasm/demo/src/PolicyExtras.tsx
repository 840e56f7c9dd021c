// The policy workspace's diff and signed-envelope parts (SPEC §17): a draft policy against the
// active one in rule terms ("splits.chat_creator_bp: 6500 → 7000"), and a signed envelope
// verified against a keyring at a time, with what applying it would change. Computed by
// diffPolicies and activatePolicyEnvelope.
import { useMemo, useState } from 'react';
import { activatePolicyEnvelope, diffPolicies, parsePolicyEnvelope, type KeyringEntry } from '@avalo/core';
import { attempt, utc, type Outcome } from './core';
import { DateTime, ErrorBox, msFromUtc, utcText } from './ui';
import type { Policy } from './core';

/** The changes from `active` to `draft`, one line per rule. */
export function PolicyDiff({ active, draft, testid }: { active: Policy | null; draft: Outcome<Policy> | null; testid: string }) {
  const changes = useMemo(() => {
    if (!active || !draft) return null;
    if (!draft.ok) return draft;
    return attempt(() => diffPolicies(active, draft.value));
  }, [active, draft]);
  if (changes === null) return null;
  return (
    <div data-testid={testid} data-state={changes.ok ? 'ok' : 'error'} aria-live="polite">
      {!changes.ok ? (
        <ErrorBox error={changes.error} />
      ) : changes.value.length === 0 ? (
        <p className="hint">No change against the active policy.</p>
      ) : (
        <>
          <p className="label-space">What changes against the active policy ({changes.value.length}):</p>
          <ul className="diff-lines">
            {changes.value.map((c, k) => (
              <li key={k} data-field="line">
                {c.line}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A signed envelope + keyring + time → would it activate, and what it changes; Apply makes it active. */
export function EnvelopeCheck({ active, onApply }: { active: Policy | null; onApply: (p: Policy, name: string) => void }) {
  const [envelope, setEnvelope] = useState('');
  const [keyring, setKeyring] = useState('[]');
  const [now, setNow] = useState('2027-01-15T12:00');
  const parsed = useMemo(() => (envelope.trim() === '' ? null : attempt(() => parsePolicyEnvelope(envelope))), [envelope]);
  const result = useMemo(() => {
    if (!active || envelope.trim() === '') return null;
    let ring: KeyringEntry[];
    try {
      ring = JSON.parse(keyring) as KeyringEntry[];
    } catch (e) {
      return { ok: false as const, error: { code: 'INVALID_JSON', reason: `keyring: ${e instanceof Error ? e.message : String(e)}` } };
    }
    return attempt(() => activatePolicyEnvelope(active, envelope, ring, msFromUtc(now)));
  }, [active, envelope, keyring, now]);
  const next = result?.ok && result.value ? ({ ok: true, value: result.value } as Outcome<Policy>) : null;
  const state = result === null ? 'empty' : !result.ok ? 'error' : result.value ? 'activated' : 'already_active';
  return (
    <>
      <div className="cols">
        <div className="field">
          <label htmlFor="envelope-json">Signed policy envelope (JSON)</label>
          <textarea id="envelope-json" name="envelope-json" rows={5} spellCheck={false} value={envelope} onChange={(e) => setEnvelope(e.target.value)} />
          <label htmlFor="envelope-file" className="file-label">
            or load an envelope file
          </label>
          <input id="envelope-file" name="envelope-file" type="file" accept="application/json,.json" onChange={async (e) => e.target.files?.[0] && setEnvelope(await e.target.files[0].text())} />
        </div>
        <div className="field">
          <label htmlFor="keyring-json">Keyring (JSON: [{'{'} key_id, public_key, valid_from_ms, valid_until_ms {'}'}])</label>
          <textarea id="keyring-json" name="keyring-json" rows={5} spellCheck={false} value={keyring} onChange={(e) => setKeyring(e.target.value)} />
          <label htmlFor="keyring-file" className="file-label">
            or load a keyring file
          </label>
          <input id="keyring-file" name="keyring-file" type="file" accept="application/json,.json" onChange={async (e) => e.target.files?.[0] && setKeyring(await e.target.files[0].text())} />
        </div>
      </div>
      <div className="fields">
        <DateTime label="Verify at" name="envelope-now" value={now} onChange={setNow} />
      </div>
      {parsed?.ok && (
        <p className="hint" data-testid="envelope-header">
          serial {parsed.value.serial} · schema {parsed.value.schema} · key {parsed.value.key_id} · valid {utc(parsed.value.not_before_ms)} → {utc(parsed.value.expires_at_ms)}{' '}
          <button type="button" className="link" onClick={() => setNow(utcText(parsed.value.not_before_ms))}>
            verify at its start
          </button>
        </p>
      )}
      <div className="result" data-testid="envelope-result" data-state={state} aria-live="polite">
        {result === null ? null : !result.ok ? (
          <ErrorBox error={result.error} />
        ) : result.value ? (
          <dl>
            <div className="row">
              <dt>Status</dt>
              <dd data-field="status" data-value="activated" className="ok">
                verified: would activate
              </dd>
            </div>
            <div className="row">
              <dt>Serial</dt>
              <dd data-field="serial">{result.value.serial}</dd>
            </div>
            <div className="row">
              <dt>Schema</dt>
              <dd data-field="schema">{result.value.schema}</dd>
            </div>
            <div className="row">
              <dt>Fingerprint</dt>
              <dd data-field="fingerprint" data-value={result.value.fingerprint}>
                <code>{result.value.fingerprint}</code>
              </dd>
            </div>
          </dl>
        ) : (
          <dl>
            <div className="row">
              <dt>Status</dt>
              <dd data-field="status" data-value="already_active">
                already active (same serial and payload)
              </dd>
            </div>
          </dl>
        )}
      </div>
      <PolicyDiff active={active} draft={next} testid="envelope-diff" />
      <button type="button" data-testid="envelope-apply" disabled={!next} onClick={() => next?.ok && onApply(next.value, `signed envelope, serial ${next.value.serial}`)}>
        Apply this envelope's policy
      </button>
    </>
  );
}
