// Security (SPEC §9.4, §10): the request-signature debugger (the canonical string, the
// signature the server expects, and why a given request fails), the signed-URL inspector and
// the origin check. Computed by canonicalRequest, signRequest, checkRequestSignature,
// verifyRequest, verifyUrl, normaliseOrigin and checkOrigin; the page only turns text into
// bytes (UTF-8 or hex).
import { useMemo, useState } from 'react';
import {
  canonicalRequest,
  checkOrigin,
  checkRequestSignature,
  normaliseOrigin,
  signRequest,
  verifyRequest,
  verifyUrl,
  type OriginProfile,
  type SignatureCheck,
} from '@avalo/core';
import { attempt, num, optText, utc, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { Check, DateTime, Field, msFromUtc, Panel, Result, Select, Suggest } from '../ui';

const ENCODINGS = ['utf-8', 'hex'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const PROFILES: readonly OriginProfile[] = ['production', 'development'];

/** Why a signature check failed, in an operator's words. */
const WHY: Record<string, string> = {
  missing: 'the X-Avalo-Timestamp or X-Avalo-Signature header is absent or empty',
  malformed_timestamp: 'the timestamp is not plain decimal milliseconds (no sign, space, exponent or other digits)',
  malformed_signature: 'the signature is not lower- or upper-case hex',
  expired: 'the timestamp is further from now than the allowed clock skew',
  mismatch: 'the signature is not the HMAC of this canonical string with this secret (wrong secret, body, path, method or timestamp)',
};

/** Text → bytes: UTF-8, or hex (the page's own refusal INVALID_HEX for odd or non-hex text). */
function bytes(text: string, encoding: string, what: string): Outcome<Uint8Array> {
  if (encoding === 'utf-8') return { ok: true, value: new TextEncoder().encode(text) };
  const t = text.replace(/\s+/g, '');
  if (t.length % 2 !== 0 || /[^0-9a-fA-F]/.test(t)) return { ok: false, error: { code: 'INVALID_HEX', reason: `${what}: not an even number of hex digits` } };
  return { ok: true, value: Uint8Array.from(t.match(/../g) ?? [], (h) => parseInt(h, 16)) };
}

export function SecurityPanel() {
  const { policy } = usePolicy();
  const [secret, setSecret] = useState('avalo-shared-secret-2026');
  const [secretEnc, setSecretEnc] = useState('utf-8');
  const [method, setMethod] = useState('POST');
  const [path, setPath] = useState('/v1/wallet/transfer?idempotency=abc');
  const [body, setBody] = useState('{"amount":100,"to":"creator_9"}');
  const [bodyEnc, setBodyEnc] = useState('utf-8');
  const [ts, setTs] = useState('1795176000000');
  const [tsAbsent, setTsAbsent] = useState(false);
  const [sig, setSig] = useState('c7bd0ac8c9e7affe1c6b62bae755e2c8c2a8dc9b6aa7d0126299ded69b264359');
  const [sigAbsent, setSigAbsent] = useState(false);
  const [now, setNow] = useState('2026-11-20T12:00');

  const key = useMemo(() => bytes(secret, secretEnc, 'secret'), [secret, secretEnc]);
  const payload = useMemo(() => bytes(body, bodyEnc, 'body'), [body, bodyEnc]);
  const inputs = useMemo((): Outcome<{ key: Uint8Array; body: Uint8Array }> => {
    if (!key.ok) return key;
    if (!payload.ok) return payload;
    return { ok: true, value: { key: key.value, body: payload.value } };
  }, [key, payload]);

  const canonical = useMemo(
    () => (payload.ok ? attempt(() => ({ canonical: canonicalRequest(tsAbsent ? '' : ts, method, path, payload.value) })) : payload),
    [payload, ts, tsAbsent, method, path],
  );
  const expected = useMemo(
    () => (inputs.ok ? attempt(() => signRequest(inputs.value.key, num(ts), method, path, inputs.value.body)) : inputs),
    [inputs, ts, method, path],
  );
  const check = useMemo((): Outcome<SignatureCheck> | null => {
    if (!policy) return null;
    if (!inputs.ok) return inputs;
    return attempt(() =>
      checkRequestSignature(policy, inputs.value.key, tsAbsent ? undefined : ts, sigAbsent ? undefined : sig, method, path, inputs.value.body, msFromUtc(now)),
    );
  }, [policy, inputs, ts, tsAbsent, sig, sigAbsent, method, path, now]);
  const verdict = useMemo(() => {
    if (!policy) return null;
    if (!inputs.ok) return inputs;
    return attempt(() =>
      verifyRequest(policy, inputs.value.key, tsAbsent ? undefined : ts, sigAbsent ? undefined : sig, method, path, inputs.value.body, msFromUtc(now)),
    );
  }, [policy, inputs, ts, tsAbsent, sig, sigAbsent, method, path, now]);

  // Signed URL
  const [urlMethod, setUrlMethod] = useState('PUT');
  const [url, setUrl] = useState(
    '/media/u_123/profile_photo/2026/11/04f8d0082a885d44_me.jpg?exp=1795176900000&ct=image%2Fjpeg&max=10485760&sig=5e723bb33963f0eb767e39f53d36d6af697542288b6ce5a34cd2825d7db65453',
  );
  const [urlNow, setUrlNow] = useState('2026-11-20T12:00');
  const [urlCt, setUrlCt] = useState('image/jpeg');
  const [urlSize, setUrlSize] = useState('1048576');
  const grant = useMemo(
    () => (key.ok ? attempt(() => verifyUrl(key.value, urlMethod, url, msFromUtc(urlNow), optText(urlCt), urlSize.trim() === '' ? undefined : num(urlSize))) : key),
    [key, urlMethod, url, urlNow, urlCt, urlSize],
  );
  const query = useMemo(() => {
    const q = url.indexOf('?');
    return q < 0 ? [] : [...new URLSearchParams(url.slice(q + 1)).entries()];
  }, [url]);

  // Origin
  const [origin, setOrigin] = useState('https://AVALO.app');
  const [originAbsent, setOriginAbsent] = useState(false);
  const [profile, setProfile] = useState<string>('production');
  const originCheck = useMemo(
    () => (policy ? attempt(() => checkOrigin(policy, originAbsent ? undefined : origin, profile as OriginProfile)) : null),
    [policy, origin, originAbsent, profile],
  );
  const normal = useMemo(() => attempt(() => normaliseOrigin(origin) ?? null), [origin]);

  return (
    <Panel
      id="security"
      title="Security"
      intro="Why does this signed request fail? The canonical string, the signature the server expects, and the exact reason; a signed URL taken apart; an origin checked against the allow-list."
    >
      <fieldset>
        <legend>Request-signature debugger</legend>
        <div className="fields">
          <Field label="Shared secret" name="sec-secret" value={secret} onChange={setSecret} />
          <Select label="Secret is" name="sec-secret-enc" value={secretEnc} onChange={setSecretEnc} options={ENCODINGS} />
          <Suggest label="Method" name="sec-method" value={method} onChange={setMethod} options={METHODS} />
          <Field label="Path and query" name="sec-path" value={path} onChange={setPath} wide />
        </div>
        <div className="field wide">
          <label htmlFor="sec-body">Body</label>
          <textarea id="sec-body" name="sec-body" rows={2} spellCheck={false} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <div className="fields">
          <Select label="Body is" name="sec-body-enc" value={bodyEnc} onChange={setBodyEnc} options={ENCODINGS} />
          <Field label="X-Avalo-Timestamp header" name="sec-ts" value={ts} onChange={setTs} hint={/^\d+$/.test(ts) ? `${utc(Number(ts))} UTC` : undefined} />
          <Check label="Timestamp header absent" name="sec-ts-absent" checked={tsAbsent} onChange={setTsAbsent} />
          <Field label="X-Avalo-Signature header" name="sec-sig" value={sig} onChange={setSig} wide />
          <Check label="Signature header absent" name="sec-sig-absent" checked={sigAbsent} onChange={setSigAbsent} />
          <DateTime label="Server time" name="sec-now" value={now} onChange={setNow} />
        </div>
        <Result testid="sec-canonical" label="Canonical string" outcome={canonical} rows={() => []}>
          {(c) => (
            <>
              <div className="label-space">Canonical string (what is signed; one part per line)</div>
              <pre className="canonical" data-field="canonical" data-value={c.canonical}>
                {c.canonical}
              </pre>
            </>
          )}
        </Result>
        <Result
          testid="sec-expected"
          label="Expected signature"
          outcome={expected}
          rows={(s) => [
            ['Expected timestamp header', 'timestamp', s.timestamp],
            ['Expected signature', 'signature', <code key="s">{s.signature}</code>, s.signature],
          ]}
        />
        <Result
          testid="sec-check"
          label="Signature check"
          outcome={check}
          rows={(c) =>
            'ok' in c
              ? [
                  ['Result', 'result', <span className="ok">valid</span>, 'ok'],
                  ['Timestamp (ms)', 'ok.timestamp_ms', c.ok.timestamp_ms],
                  ['Clock skew (ms)', 'ok.skew_ms', c.ok.skew_ms],
                ]
              : [
                  ['Result', 'result', <span className="bad">refused</span>, 'error'],
                  ['Why', 'error.kind', <span className="bad">{c.error.kind}</span>, c.error.kind],
                  ...(c.error.kind === 'expired' ? ([['Clock skew (ms)', 'error.skew_ms', c.error.skew_ms]] as [string, string, number][]) : []),
                  ['Meaning', 'why', WHY[c.error.kind] ?? c.error.kind, WHY[c.error.kind] ?? ''],
                ]
          }
        />
        <Result
          testid="sec-verify"
          label="Server decision"
          outcome={verdict}
          rows={(v) => [
            ['Server decision', 'decision', <span className="ok">accepted</span>, 'accepted'],
            ['Timestamp (ms)', 'timestamp_ms', v.timestamp_ms],
            ['Clock skew (ms)', 'skew_ms', v.skew_ms],
          ]}
        />
      </fieldset>

      <div className="cols">
        <fieldset>
          <legend>Signed-URL inspector (uses the secret above)</legend>
          <div className="fields">
            <Suggest label="Method" name="url-method" value={urlMethod} onChange={setUrlMethod} options={METHODS} />
            <Field label="Signed URL (path and query)" name="url-url" value={url} onChange={setUrl} wide />
            <DateTime label="Server time" name="url-now" value={urlNow} onChange={setUrlNow} />
            <Field label="Content type sent (empty = none)" name="url-ct" value={urlCt} onChange={setUrlCt} />
            <Field label="Size sent, bytes (empty = none)" name="url-size" numeric value={urlSize} onChange={setUrlSize} />
          </div>
          {query.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption>The URL's query parameters</caption>
                <tbody>
                  {query.map(([k, v]) => (
                    <tr key={k}>
                      <th scope="row">{k}</th>
                      <td>
                        <code>{v}</code>
                        {k === 'exp' && /^\d+$/.test(v) && <span className="hint"> ({utc(Number(v))} UTC)</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Result
            testid="url-result"
            label="Signed URL verdict"
            outcome={grant}
            rows={(g) => [
              ['Path', 'path', g.path],
              ['Method', 'method', g.method],
              ['Expires', 'expires_at_ms', `${utc(g.expires_at_ms)} UTC`, g.expires_at_ms],
              ['Content type', 'content_type', g.content_type ?? '—', g.content_type ?? ''],
              ['Max bytes', 'max_bytes', g.max_bytes ?? '—', g.max_bytes ?? ''],
            ]}
          />
        </fieldset>
        <fieldset>
          <legend>Origin check</legend>
          <div className="fields">
            <Field label="Origin header" name="origin-value" value={origin} onChange={setOrigin} />
            <Check label="Origin header absent" name="origin-absent" checked={originAbsent} onChange={setOriginAbsent} />
            <Select label="Allow-list" name="origin-profile" value={profile} onChange={setProfile} options={PROFILES} />
          </div>
          <p className="hint" data-testid="origin-normalised">
            normalised: <code>{normal.ok ? (normal.value ?? '(not an origin)') : normal.error.code}</code>
          </p>
          <Result
            testid="origin-result"
            label="Origin verdict"
            outcome={originCheck}
            rows={(m) => [
              ['Origin', 'origin', m.origin],
              ['Allowed by', 'matched', m.matched],
            ]}
          />
        </fieldset>
      </div>
    </Panel>
  );
}
