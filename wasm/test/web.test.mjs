// The browser / bundler build (`@avalo/core/web`, wasm-bindgen --target web): ES module that
// must be initialised first. Here initialised from the .wasm bytes, as a browser would from
// its URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import init, { Policy, splitRevenue, parseMoney, isAvaloError } from '@avalo/core/web';

test('the web build initialises and computes the same results', async () => {
  const wasmPath = createRequire(import.meta.url).resolve('@avalo/core/web/index_bg.wasm');
  await init({ module_or_path: await readFile(wasmPath) });
  const policy = Policy.default();
  assert.equal(policy.version, '2026.11');
  assert.equal(splitRevenue(policy, 'chat', 101).platform, 36);
  assert.deepEqual(parseMoney('7.5', 'PLN'), { amount: '7.50', currency: 'PLN' });
  try {
    splitRevenue(policy, 'chat', 2 ** 53);
    assert.fail('must throw');
  } catch (e) {
    assert.ok(isAvaloError(e));
    assert.equal(e.code, 'INVALID_INPUT');
  }
  policy.free();
});
