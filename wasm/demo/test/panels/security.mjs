// Security: canonical_request, sign_request, check_request_signature, verify_request,
// verify_url and check_origin vectors, every value typed into the panel's fields. A method or
// path holding a line feed cannot be typed into a one-line field: those few cases are
// skipped here (the Node and Rust runners cover them).
import { diff, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, tick, usePolicy, when } from './common.mjs';

const P = 'security';
const typeable = (i) => ![i.method, i.path_and_query].some((v) => typeof v === 'string' && /[\n\r]/.test(v));

async function request(page, i) {
  await choose(page, P, 'sec-secret-enc', 'hex');
  await fill(page, P, 'sec-secret', i.secret ?? '');
  await fill(page, P, 'sec-method', i.method);
  await fill(page, P, 'sec-path', i.path_and_query);
  await choose(page, P, 'sec-body-enc', 'hex');
  await page.fill('#sec-body', i.body);
  const ts = i.timestamp ?? (i.timestamp_ms !== undefined ? String(i.timestamp_ms) : undefined);
  await tick(page, P, 'sec-ts-absent', ts === undefined);
  await fill(page, P, 'sec-ts', ts ?? '');
  await tick(page, P, 'sec-sig-absent', i.signature === undefined && i.timestamp_ms === undefined);
  await fill(page, P, 'sec-sig', i.signature ?? '');
  if (i.now_ms !== undefined) await when(page, P, 'sec-now', i.now_ms);
}

export async function run(page, t) {
  const cases = vectors('security');
  for (const c of cases.filter((c) => c.op === 'canonical_request')) {
    await t.check(`security/canonical_request: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await request(page, c.input);
      return settle(page, '[data-testid="sec-canonical"]', vectorCheck(c));
    });
  }
  for (const c of cases.filter((c) => c.op === 'sign_request' && typeable(c.input))) {
    await t.check(`security/sign_request: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await request(page, c.input);
      return settle(page, '[data-testid="sec-expected"]', vectorCheck(c));
    });
  }
  for (const op of ['check_request_signature', 'verify_request']) {
    const block = op === 'verify_request' ? 'sec-verify' : 'sec-check';
    for (const c of cases.filter((c) => c.op === op && typeable(c.input))) {
      await t.check(`security/${op}: ${c.name}`, async () => {
        await usePolicy(page, c.policy);
        await request(page, c.input);
        return settle(page, `[data-testid="${block}"]`, vectorCheck(c));
      });
    }
  }
  for (const c of cases.filter((c) => c.op === 'verify_url')) {
    await t.check(`security/verify_url: ${c.name}`, async () => {
      const i = c.input;
      await usePolicy(page, c.policy);
      await choose(page, P, 'sec-secret-enc', 'hex');
      await fill(page, P, 'sec-secret', i.secret);
      await fill(page, P, 'url-method', i.method);
      await fill(page, P, 'url-url', i.url);
      await when(page, P, 'url-now', i.now_ms);
      await fill(page, P, 'url-ct', i.content_type ?? '');
      await fill(page, P, 'url-size', i.size_bytes ?? '');
      return settle(page, '[data-testid="url-result"]', vectorCheck(c));
    });
  }
  for (const c of cases.filter((c) => c.op === 'check_origin')) {
    await t.check(`security/check_origin: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await tick(page, P, 'origin-absent', c.input.origin === undefined || c.input.origin === null);
      await fill(page, P, 'origin-value', c.input.origin ?? '');
      await choose(page, P, 'origin-profile', c.input.profile);
      return settle(page, '[data-testid="origin-result"]', vectorCheck(c));
    });
  }
  await t.check('security/a tampered body says "mismatch" and the server refuses it', async () => {
    await usePolicy(page, undefined);
    const ok = cases.find((c) => c.op === 'check_request_signature' && c.expect?.ok && !c.policy);
    await request(page, { ...ok.input, body: ok.input.body.replace(/.$/, (d) => (d === '0' ? '1' : '0')) });
    const p = await settle(page, '[data-testid="sec-check"]', (b) => (b.fields['error.kind'] === 'mismatch' && b.fields.why ? [] : [`shows ${JSON.stringify(b.fields)}`]));
    const v = await settle(page, '[data-testid="sec-verify"]', (b) => (b.state === 'error' && b.fields['error.code'] === 'SIGNATURE_INVALID' ? [] : [`shows ${JSON.stringify(b.fields)}`]));
    return [...p, ...v];
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  const ok = vectors('security').find((c) => c.op === 'check_request_signature' && c.name.startsWith('skew +300001'));
  await request(page, ok.input);
  await choose(page, P, 'sec-secret-enc', 'utf-8');
  await fill(page, P, 'sec-secret', 'avalo-shared-secret-2026');
  await choose(page, P, 'sec-body-enc', 'utf-8');
  await page.fill('#sec-body', '{"amount":100,"to":"creator_9"}');
  const url = vectors('security').find((c) => c.op === 'verify_url' && c.expect);
  await fill(page, P, 'url-method', url.input.method);
  await fill(page, P, 'url-url', url.input.url);
  await when(page, P, 'url-now', url.input.now_ms);
  await fill(page, P, 'url-ct', url.input.content_type ?? '');
  await fill(page, P, 'url-size', url.input.size_bytes ?? '');
  await tick(page, P, 'origin-absent', false);
  await fill(page, P, 'origin-value', 'https://AVALO.app');
  await choose(page, P, 'origin-profile', 'production');
}
