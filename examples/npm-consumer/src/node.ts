// The Node consumer of the packed @avalo/core: strict TypeScript, ESM imports, run by Node.
// Prints one line per check and `N passed, N failed` last; exits 1 on any failure.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Policy, countWords, isAvaloError, splitRevenue, type RevenueSplit } from '@avalo/core';
import { CHAT_101, POLICY_VERSION, WORDS } from './expected.js';

const checks: Array<[string, () => void]> = [];
const check = (name: string, body: () => void): void => {
  checks.push([name, body]);
};
function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

check('package version is the workspace version', () => {
  const pkg = createRequire(import.meta.url)('@avalo/core/package.json') as { version: string };
  equal(pkg.version, process.env.AVALO_EXPECTED_VERSION ?? '(AVALO_EXPECTED_VERSION unset)', 'version');
});

check('built-in policy: version, and fingerprint = sha256(canonical JSON)', () => {
  const policy = Policy.default();
  equal(policy.version, POLICY_VERSION, 'policy.version');
  equal(policy.fingerprint, createHash('sha256').update(policy.canonicalJson()).digest('hex'), 'fingerprint');
});

check('splitRevenue: 101 chat tokens → 65 + 36, tied to the policy', () => {
  const policy = Policy.default();
  const split: RevenueSplit = splitRevenue(policy, 'chat', 101);
  equal(split.creator, CHAT_101.creator, 'creator');
  equal(split.platform, CHAT_101.platform, 'platform');
  equal(split.policy_fingerprint, policy.fingerprint, 'policy_fingerprint');
});

check('countWords: the SPEC §4.3 examples', () => {
  const policy = Policy.default();
  for (const [text, words] of WORDS) equal(countWords(policy, text), words, JSON.stringify(text));
});

check('a refusal is a typed error with a stable code', () => {
  try {
    splitRevenue(Policy.default(), 'tip', Number.MAX_SAFE_INTEGER + 1);
  } catch (e: unknown) {
    if (isAvaloError(e)) return equal(e.code, 'INVALID_INPUT', 'code');
    throw new Error(`not an AvaloError: ${String(e)}`);
  }
  throw new Error('no error thrown');
});

let failed = 0;
for (const [name, body] of checks) {
  try {
    body();
    console.log(`ok   ${name}`);
  } catch (e: unknown) {
    failed++;
    console.log(`FAIL ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
console.log(`${checks.length - failed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
