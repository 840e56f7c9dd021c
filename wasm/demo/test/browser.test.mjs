// Browser tests of the admin console (wasm/demo) in Debian's Chromium via playwright-core:
// serves the built page with `vite preview` on 127.0.0.1, drives every panel with the
// conformance vectors (tests/vectors/*.json, expected values read, not retyped), checks the
// policy stamp on every panel, a keyboard-only walk, a phone-sized viewport and the absence
// of console errors, and saves a screenshot per panel under artifacts/console/ (with
// AVALO_UPDATE_DOCS=1 also into docs/console-<panel>.png). Ends with `N passed, N failed`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { diff, openConsole, readBlock, ROOT, settle, shoot, startBrowser, startServer, Tally, vectors, watchConsole } from './harness.mjs';
import { usePolicy, utcText } from './panels/common.mjs';
import { DRIVERS } from './panels/index.mjs';
import { keyboardWalk } from './keyboard.mjs';

const t = new Tally();
const errors = [];
const server = await startServer();
const browser = await startBrowser();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  watchConsole(page, errors);
  await openConsole(page, server.url);

  // --- Policy bar: policy_info vectors (built-in, patched, refused patches).
  for (const c of vectors('policy').filter((c) => c.op === 'policy_info')) {
    await t.check(`policy/policy_info: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      const b = await readBlock(page, '[data-testid="policy-current"]');
      if (c.error !== undefined) return b.fields['error.code'] === c.error ? [] : [`shows ${JSON.stringify(b.fields)}, want ${c.error}`];
      return b.fields.version === c.expect.version ? [] : [`version ${b.fields.version}, want ${c.expect.version}`];
    });
  }
  await usePolicy(page, undefined);

  // --- Policy workspace: the whole policy edited as JSON, checked at its JSON paths, applied.
  const nodeCoreP = createRequire(import.meta.url)('@avalo/core');
  await t.check('policy/whole-policy JSON: an out-of-range value is named at its JSON path and cannot be applied', async () => {
    await page.evaluate(() => document.querySelectorAll('[data-testid="policy-bar"] details').forEach((d) => (d.open = true)));
    await page.click('[data-testid="policy-json-start"]');
    const text = await page.inputValue('#policy-json');
    await page.fill('#policy-json', text.replace('"chat_creator_bp": 6500', '"chat_creator_bp": 20000'));
    const problems = await settle(page, '[data-testid="policy-problems"]', (b) =>
      b.state === 'problems' && b.fields.path === '$.splits.chat_creator_bp' && b.fields.problem ? [] : [`shows ${JSON.stringify(b)}`],
    );
    if (!(await page.isDisabled('[data-testid="policy-apply-json"]'))) problems.push('Apply is enabled');
    return problems;
  });
  await t.check('policy/whole-policy JSON applied: the fingerprint and every panel follow it', async () => {
    const text = await page.inputValue('#policy-json');
    await page.fill('#policy-json', text.replace('"chat_creator_bp": 20000', '"chat_creator_bp": 7000'));
    await settle(page, '[data-testid="policy-problems"]', (b) => (b.state === 'ok' ? [] : ['not ok']));
    await page.click('[data-testid="policy-apply-json"]');
    const want = nodeCoreP.Policy.fromPatch('{"splits":{"chat_creator_bp":7000}}').fingerprint;
    const problems = [];
    const cur = await readBlock(page, '[data-testid="policy-current"]');
    if (cur.fields.fingerprint !== want) problems.push(`fingerprint ${cur.fields.fingerprint}, want ${want}`);
    await page.fill('#revenue [name="split-amount"]', '100');
    await page.selectOption('#revenue [name="split-stream"]', 'chat');
    problems.push(...(await settle(page, '[data-testid="split-result"]', (b) => (b.fields.creator_bp === '7000' ? [] : [`creator_bp ${b.fields.creator_bp}`]))));
    const stamp = await readBlock(page, '#launch [data-testid="policy-stamp"]');
    if (stamp.fields['policy.fingerprint'] !== want) problems.push(`launch panel stamp ${stamp.fields['policy.fingerprint']}`);
    await page.click('[data-testid="policy-bar"] button:has-text("Built-in policy")');
    await page.evaluate(() => document.querySelectorAll('[data-testid="policy-bar"] details').forEach((d) => (d.open = false)));
    return problems;
  });

  // --- Policy diff in rule terms: diff_policies vectors (old applied, new typed as a draft patch).
  for (const c of vectors('envelope').filter((c) => c.op === 'diff_policies')) {
    await t.check(`policy/diff_policies (draft patch against the active policy): ${c.name}`, async () => {
      await usePolicy(page, c.input.old);
      await page.fill('#policy-patch', JSON.stringify(c.input.new));
      const deadline = Date.now() + 3000;
      let lines = null;
      while (Date.now() < deadline) {
        lines = await page.$$eval('[data-testid="patch-diff"] [data-field="line"]', (ls) => ls.map((l) => l.textContent.trim())).catch(() => null);
        if (JSON.stringify(lines) === JSON.stringify(c.expect.lines)) return [];
        await new Promise((r) => setTimeout(r, 25));
      }
      return [`diff ${JSON.stringify(lines)}, want ${JSON.stringify(c.expect.lines)}`];
    });
  }
  await usePolicy(page, {});
  await usePolicy(page, undefined);

  // --- Signed envelopes: activate_policy_envelope vectors, envelope and keyring loaded as files.
  for (const [n, c] of vectors('envelope').filter((c) => c.op === 'activate_policy_envelope').entries()) {
    await t.check(`policy/activate_policy_envelope: ${c.name}`, async () => {
      const i = c.input;
      await page.evaluate(() => document.querySelectorAll('[data-testid="policy-bar"] details').forEach((d) => (d.open = true)));
      await page.click('[data-testid="policy-bar"] button:has-text("Built-in policy")');
      await page.setInputFiles('#keyring-file', { name: 'keyring.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(i.keyring)) });
      if (i.active_envelope) {
        await page.fill('#envelope-json', i.active_envelope);
        await page.click('[data-testid="envelope-header"] button');
        await page.click('[data-testid="envelope-apply"]');
      }
      if (n % 5 === 0) await page.setInputFiles('#envelope-file', { name: 'envelope.json', mimeType: 'application/json', buffer: Buffer.from(i.envelope) });
      else await page.fill('#envelope-json', i.envelope);
      await page.fill('[data-testid="policy-bar"] [name="envelope-now"]', utcText(i.now_ms));
      return settle(page, '[data-testid="envelope-result"]', (b) => {
        if (c.error !== undefined) return b.state === 'error' && b.fields['error.code'] === c.error ? [] : [`shows ${b.state} ${JSON.stringify(b.fields)}, want ${c.error}`];
        return b.state === c.expect.status ? diff(c.expect, b.fields) : [`state ${b.state} ${JSON.stringify(b.fields)}, want ${c.expect.status}`];
      });
    });
  }
  await page.click('[data-testid="policy-bar"] button:has-text("Built-in policy")');
  await page.evaluate(() => document.querySelectorAll('[data-testid="policy-bar"] details').forEach((d) => (d.open = false)));
  await usePolicy(page, {});
  await usePolicy(page, undefined);

  // --- Every panel on the page has a driver, and shows the policy it computed with.
  const onPage = await page.$$eval('section.panel[id]', (s) => s.map((x) => x.id));
  await t.check('every panel on the page has a test driver', () =>
    JSON.stringify(onPage) === JSON.stringify(DRIVERS.map((d) => d.id)) ? [] : [`page ${onPage}, drivers ${DRIVERS.map((d) => d.id)}`],
  );
  const nodeCore = createRequire(import.meta.url)('@avalo/core');
  const builtin = nodeCore.Policy.default();
  for (const id of onPage) {
    await t.check(`${id}: shows the policy version and fingerprint (equal to the Node build's)`, async () => {
      const b = await readBlock(page, `#${id} [data-testid="policy-stamp"]`);
      const problems = [];
      if (b.fields['policy.version'] !== builtin.version) problems.push(`version ${b.fields['policy.version']}, want ${builtin.version}`);
      if (b.fields['policy.fingerprint'] !== builtin.fingerprint) problems.push(`fingerprint ${b.fields['policy.fingerprint']}, want ${builtin.fingerprint}`);
      return problems;
    });
  }

  // --- Each panel: vectors, then a screenshot.
  const docs = process.env.AVALO_UPDATE_DOCS === '1';
  for (const d of DRIVERS) {
    await d.run(page, t);
    await d.pose(page);
    await page.evaluate(() => document.activeElement?.blur?.());
    await page.waitForTimeout(100);
    const file = await shoot(page, `#${d.id}`, d.id);
    if (docs) {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(file, join(ROOT, 'docs', `console-${d.id}.png`));
    }
  }

  // --- Keyboard-only walk through the revenue panel.
  await keyboardWalk(page, server.url, t);

  // --- Phone-sized viewport.
  await t.check('phone viewport (390×844): no horizontal overflow, panels compute', async () => {
    const phone = await browser.context.newPage();
    watchConsole(phone, errors);
    await phone.setViewportSize({ width: 390, height: 844 });
    await openConsole(phone, server.url);
    const problems = [];
    const { scroll, inner } = await phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    if (scroll > inner + 1) problems.push(`page is ${scroll}px wide in a ${inner}px viewport`);
    for (const id of onPage) {
      const w = await phone.$eval(`#${id}`, (el) => el.getBoundingClientRect().right);
      if (w > inner + 1) problems.push(`panel ${id} ends at ${w}px`);
    }
    const split = vectors('split').find((c) => c.op === 'split_revenue' && c.expect && !c.policy);
    await phone.fill('#revenue [name="split-amount"]', String(split.input.amount));
    await phone.selectOption('#revenue [name="split-stream"]', split.input.stream);
    const b = await readBlock(phone, '[data-testid="split-result"]');
    if (b.fields.creator !== String(split.expect.creator)) problems.push(`phone: creator ${b.fields.creator}, want ${split.expect.creator}`);
    await phone.screenshot({ path: join(ROOT, 'artifacts', 'console', 'phone.png'), fullPage: false });
    await phone.close();
    return problems;
  });

  await t.check('no console errors or uncaught exceptions', () => errors);
} finally {
  await browser.close();
  await server.stop();
}

if (t.failures.length) console.log(`\nfailed:\n  ${t.failures.join('\n  ')}`);
console.log(`\n${t.passed} passed, ${t.failed} failed`);
process.exit(t.failed === 0 && t.passed > 0 ? 0 : 1);
