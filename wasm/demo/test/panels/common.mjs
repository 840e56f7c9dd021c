// Page actions shared by the panel drivers.

let currentPatch = '';

/** Puts the console on the built-in policy (`patch` undefined) or the built-in + a merge patch. */
export async function usePolicy(page, patch) {
  const text = patch === undefined ? '' : JSON.stringify(patch);
  if (text === currentPatch) return;
  if (!(await page.locator('#policy-patch').isVisible())) await page.locator('[data-testid="policy-bar"] summary').click();
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
