// Page actions shared by the panel drivers.

let currentPatch = '';

/** Puts the console on the built-in policy (`patch` undefined) or the built-in + a merge patch. */
export async function usePolicy(page, patch) {
  const text = patch === undefined ? '' : JSON.stringify(patch);
  if (text === currentPatch) return;
  if (!(await page.locator('#policy-patch').isVisible())) await page.locator('[data-testid="policy-bar"] summary', { hasText: 'Patch the policy' }).click();
  await page.fill('#policy-patch', text);
  await page.click('[data-testid="policy-apply"]');
  currentPatch = text;
}

/** Fills the text field `name` of panel `panel`. */
export const fill = (page, panel, name, value) => page.fill(`#${panel} [name="${name}"]`, String(value));

/** Chooses `value` in the select `name` of panel `panel`. */
export const choose = (page, panel, name, value) => page.selectOption(`#${panel} [name="${name}"]`, String(value));

/** Sets the checkbox `name` of panel `panel`. */
export const tick = (page, panel, name, on) => page.setChecked(`#${panel} [name="${name}"]`, Boolean(on));

/** Milliseconds → the UTC date-time picker's text (the shortest form Chromium keeps). */
export function utcText(ms) {
  const iso = new Date(ms).toISOString();
  if (ms % 60000 === 0) return iso.slice(0, 16);
  if (ms % 1000 === 0) return iso.slice(0, 19);
  return iso.slice(0, 23);
}

/** Picks the instant `ms` in the UTC date-time picker `name` of panel `panel` (typed as a person would). */
export const when = (page, panel, name, ms) => page.fill(`#${panel} [name="${name}"]`, ms === '' || ms === undefined || ms === null ? '' : utcText(Number(ms)));

/** Opens the <details> holding `selector` (JSON import/export), then pastes `text` into it. */
export async function paste(page, selector, text) {
  const el = page.locator(selector);
  if (!(await el.isVisible())) await page.evaluate((s) => (document.querySelector(s).closest('details').open = true), selector);
  await page.fill(selector, text);
}

/** Integer minor units → the decimal text an operator types in a 2-decimal currency. */
export const minorText = (minor) => {
  const t = String(minor).padStart(3, '0');
  return `${t.slice(0, -2)}.${t.slice(-2)}`;
};
