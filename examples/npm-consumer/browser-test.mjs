// Loads the esbuild bundle (dist/web) in headless Chromium and compares what the page computed
// with the rule book's values (src/expected.ts, compiled to dist/node/expected.js).
// Usage: node browser-test.mjs <playwright-core dir> <chromium binary>
// Serves dist/web on 127.0.0.1 (a free port), never downloads a browser.
// Last line: `N passed, N failed`; exit 1 on any failure.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { CHAT_101, POLICY_VERSION, WORDS } from './dist/node/expected.js';

const [playwrightDir, chromiumPath] = process.argv.slice(2);
const { chromium } = createRequire(import.meta.url)(playwrightDir);
const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'dist/web');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const file = join(root, path === '/' ? 'index.html' : path);
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // (playwright gives the browser a fresh temporary profile itself)
});
let passed = 0;
let failed = 0;
const check = (name, ok, detail) => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
};
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(url);
  await page.waitForFunction(() => window.avaloResult !== undefined, null, { timeout: 20000 });
  const r = await page.evaluate(() => window.avaloResult);
  check('page ran without errors', !r.error && errors.length === 0, r.error ?? errors.join('; '));
  check('policy version', r.version === POLICY_VERSION, r.version);
  check('fingerprint is 64 hex digits', /^[0-9a-f]{64}$/.test(r.fingerprint ?? ''), r.fingerprint);
  check('splitRevenue 101 chat → 65 + 36', r.split?.creator === CHAT_101.creator && r.split?.platform === CHAT_101.platform,
    JSON.stringify(r.split));
  check('split tied to the policy fingerprint', r.split?.policy_fingerprint === r.fingerprint, JSON.stringify(r.split));
  const want = WORDS.map(([, n]) => n);
  check('countWords SPEC §4.3 examples', JSON.stringify(r.words) === JSON.stringify(want),
    `${JSON.stringify(r.words)} != ${JSON.stringify(want)}`);
} catch (e) {
  check('browser run', false, e.message);
} finally {
  await browser.close();
  server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
