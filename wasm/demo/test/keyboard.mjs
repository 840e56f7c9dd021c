// Keyboard-only walk through the revenue panel: Tab order, labels, visible focus, and a
// split computed with keys only (values from the split_revenue vectors).
import { openConsole, settle, vectors } from './harness.mjs';

const ORDER = ['split-amount', 'split-stream', 'w-amount', 'w-balance', 'w-method', 'w-requested', 'w-kyc', 'packs-currency', 'packs-fx', 'packs-pack'];

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const label = el.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return {
      name: el.getAttribute('name'),
      tag: el.tagName.toLowerCase(),
      label,
      panel: el.closest('section')?.id ?? null,
      focusVisible: el.matches(':focus-visible'),
      outline: getComputedStyle(el).outlineStyle,
    };
  });

export async function keyboardWalk(page, url, t) {
  await openConsole(page, url);
  const seen = [];
  await t.check('keyboard: Tab reaches every revenue field, in order, each labelled and visibly focused', async () => {
    const problems = [];
    for (let k = 0; k < 200 && seen.length < ORDER.length; k++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      // A date-time picker's segments (day, month, year, time) each take a Tab: count it once.
      if (f?.panel === 'revenue' && f.name && seen[seen.length - 1] !== f.name) {
        seen.push(f.name);
        if (!f.label) problems.push(`${f.name} has no label`);
        if (!f.focusVisible || f.outline === 'none') problems.push(`${f.name} has no visible focus`);
      }
    }
    if (JSON.stringify(seen) !== JSON.stringify(ORDER)) problems.push(`order ${seen.join(' → ')}, want ${ORDER.join(' → ')}`);
    return problems;
  });

  const c = vectors('split').find((x) => x.op === 'split_revenue' && x.expect && !x.policy && x.input.stream !== 'chat');
  await t.check(`keyboard: a split typed with keys only (${c.name})`, async () => {
    await page.focus('#revenue [name="split-amount"]');
    // Shift+Tab then Tab: the field is reached by keyboard focus, not by a click.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(c.input.amount));
    await page.keyboard.press('Tab');
    const options = await page.$$eval('#revenue [name="split-stream"] option', (os) => os.map((o) => o.value));
    await page.keyboard.press('Home');
    for (let k = 0; k < options.indexOf(c.input.stream); k++) await page.keyboard.press('ArrowDown');
    return settle(page, '[data-testid="split-result"]', (b) =>
      ['creator', 'platform', 'creator_bp', 'stream'].filter((k) => b.fields[k] !== String(c.expect[k])).map((k) => `${k}: ${b.fields[k]}, want ${c.expect[k]}`),
    );
  });
}
