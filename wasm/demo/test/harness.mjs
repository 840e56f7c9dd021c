// Browser-test harness: serve the built page (vite preview on a free 127.0.0.1 port), drive
// Debian's Chromium with playwright-core, read the page's `data-field` values, compare them
// with conformance vectors, and count checks. No browser is ever downloaded.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const DEMO = fileURLToPath(new URL('..', import.meta.url));
export const ROOT = join(DEMO, '..', '..');
export const ARTIFACTS = process.env.AVALO_BROWSER_ARTIFACTS ?? join(ROOT, 'artifacts', 'console');

/** The conformance cases of one module (tests/vectors/<module>.json); throws if absent or empty. */
export function vectors(module) {
  const file = join(ROOT, 'tests', 'vectors', `${module}.json`);
  // Every module has landed: a missing file is an error, never a panel that checks nothing.
  const cases = JSON.parse(readFileSync(file, 'utf8')).cases;
  if (!Array.isArray(cases) || cases.length === 0) throw new Error(`${file}: no cases`);
  return cases;
}

/** The vector modules present. */
export const vectorModules = () =>
  readdirSync(join(ROOT, 'tests', 'vectors')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts `vite preview` on 127.0.0.1 and a free port; resolves once the page answers. */
export async function startServer() {
  const port = await freePort();
  const vite = join(DEMO, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: DEMO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`vite preview did not answer on ${url}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Launches Chromium (TOOLCHAINS.md flags, fresh profile); returns { context, close }. */
export async function startBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'avalo-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Records console errors and uncaught exceptions of a page. */
export function watchConsole(page, into) {
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => into.push(`uncaught: ${e.message}`));
}

/** Opens the console and waits until the .wasm is loaded and the page rendered. */
export async function openConsole(page, url) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"] [data-testid="policy-bar"]', { timeout: 20_000 });
}

/** `{ "payout": { "amount": "98.00" } }` → `{ "payout.amount": "98.00" }` (arrays stay whole). */
export function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

/**
 * The values displayed in the block `selector`: `{ state, fields }`, fields keyed by
 * `data-field` (the value is `data-value` when present, else the trimmed text).
 */
export function readBlock(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return null;
    const read = (el) => (el.dataset.value ?? el.textContent ?? '').trim();
    const fields = {};
    const all = [...(root.dataset.field ? [root] : []), ...root.querySelectorAll('[data-field]')];
    for (const el of all) if (!(el.dataset.field in fields)) fields[el.dataset.field] = read(el);
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => {
      const r = {};
      for (const el of [tr, ...tr.querySelectorAll('[data-field]')]) if (el.dataset.field) r[el.dataset.field] = read(el);
      return r;
    });
    return { state: root.dataset.state ?? null, fields, rows };
  }, selector);
}

/** Mismatches between a vector's `expect` (flattened) and displayed fields. */
export function diff(expect, fields) {
  const problems = [];
  for (const [key, want] of Object.entries(flatten(expect))) {
    if (Array.isArray(want)) {
      problems.push(`${key}: arrays are compared by the caller`);
      continue;
    }
    // A null (absent option) is displayed as an empty value.
    const text = want === null ? '' : String(want);
    if (!(key in fields) && want === null) continue; // no value: nothing displayed is right
    if (!(key in fields)) problems.push(`${key}: not displayed (want ${JSON.stringify(want)})`);
    else if (fields[key] !== text) problems.push(`${key}: shows ${JSON.stringify(fields[key])}, want ${JSON.stringify(text)}`);
  }
  return problems;
}

/**
 * Reads a block until `check(block)` returns no problems or the time is up (React renders
 * after the input event); returns the last problems.
 */
export async function settle(page, selector, check, ms = 3000) {
  const deadline = Date.now() + ms;
  let problems;
  for (;;) {
    const block = await readBlock(page, selector);
    problems = block ? check(block) : [`${selector}: not on the page`];
    if (problems.length === 0 || Date.now() > deadline) return problems;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Checks a vector case against a result block: `expect` fields or the `error` code. */
export function vectorCheck(c) {
  return (block) => {
    if (c.error !== undefined) {
      if (block.state !== 'error') return [`state ${block.state}, want error ${c.error}`];
      return block.fields['error.code'] === c.error ? [] : [`error ${block.fields['error.code']}, want ${c.error}`];
    }
    if (block.state !== 'ok') return [`state ${block.state} (${block.fields['error.code'] ?? ''} ${block.fields['error.reason'] ?? ''}), want ok`];
    return diff(c.expect, block.fields);
  };
}

/** The test tally. */
export class Tally {
  passed = 0;
  failed = 0;
  failures = [];
  async check(name, fn) {
    try {
      const problems = (await fn()) ?? [];
      if (problems.length) throw new Error(problems.join('; '));
      this.passed++;
      console.log(`ok      ${name}`);
    } catch (e) {
      this.failed++;
      this.failures.push(name);
      console.log(`FAIL    ${name}\n        ${String(e.message ?? e).split('\n').join('\n        ')}`);
    }
  }
}

/** A screenshot of one element into ARTIFACTS/<name>.png. */
export async function shoot(page, selector, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.locator(selector).screenshot({ path: file, animations: 'disabled' });
  return file;
}

export { dirname };
