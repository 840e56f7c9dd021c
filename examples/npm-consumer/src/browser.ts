// The browser consumer of the packed @avalo/core: the web build (`@avalo/core/web`), its .wasm
// imported through the package's `exports` map and bundled by esbuild. The page publishes its
// results on `window.avaloResult` for browser-test.mjs (headless Chromium) to compare.
import init, { Policy, countWords, splitRevenue } from '@avalo/core/web';
import wasmUrl from '@avalo/core/web/index_bg.wasm';
import { WORDS } from './expected.js';

/** What the page computed (or the error that stopped it). */
interface AvaloPageResult {
  version: string;
  fingerprint: string;
  split: { creator: number; platform: number; policy_fingerprint: string };
  words: number[];
  error?: string;
}

declare global {
  interface Window {
    avaloResult?: AvaloPageResult | { error: string };
  }
}

async function run(): Promise<AvaloPageResult> {
  await init({ module_or_path: wasmUrl });
  const policy = Policy.default();
  const s = splitRevenue(policy, 'chat', 101);
  return {
    version: policy.version,
    fingerprint: policy.fingerprint,
    split: { creator: s.creator, platform: s.platform, policy_fingerprint: s.policy_fingerprint },
    words: WORDS.map(([text]) => countWords(policy, text)),
  };
}

run().then(
  (result) => {
    window.avaloResult = result;
    document.body.textContent = JSON.stringify(result);
  },
  (e: unknown) => {
    window.avaloResult = { error: e instanceof Error ? e.message : String(e) };
  },
);
