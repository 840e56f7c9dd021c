// Message price preview: count_words, preview_message, bill_message and check_spam vectors.
import { settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, tick, usePolicy } from './common.mjs';

const P = 'message';

export async function run(page, t) {
  const billing = vectors('billing');
  for (const c of billing.filter((c) => c.op === 'count_words')) {
    await t.check(`message/count_words: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await page.fill('#msg-text', c.input.text);
      return settle(page, '[data-testid="words-result"]', vectorCheck(c));
    });
  }
  for (const c of billing.filter((c) => c.op === 'preview_message' || c.op === 'bill_message')) {
    await t.check(`message/${c.op}: ${c.name}`, async () => {
      const i = c.input;
      await usePolicy(page, c.policy);
      await page.fill('#msg-meter', i.meter === undefined || i.meter === null ? '' : JSON.stringify(i.meter));
      await choose(page, P, 'msg-sender', i.sender);
      await tick(page, P, 'msg-royal', i.earner_royal);
      await fill(page, P, 'msg-balance', c.op === 'bill_message' ? i.payer_balance : '');
      await page.fill('#msg-text', i.text);
      return settle(page, '[data-testid="charge-result"]', vectorCheck(c));
    });
  }
  for (const c of vectors('spam').filter((c) => c.op === 'check_spam')) {
    await t.check(`message/check_spam: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await page.fill('#msg-recent', JSON.stringify(c.input.recent ?? []));
      await fill(page, P, 'msg-now', c.input.now_ms);
      await page.fill('#msg-text', c.input.text);
      return settle(page, '[data-testid="spam-result"]', vectorCheck(c));
    });
  }
  await t.check('message/bad meter JSON shows a code and reason', async () => {
    await usePolicy(page, undefined);
    await page.fill('#msg-meter', '{"payer_messages": ');
    const problems = await settle(page, '[data-testid="charge-result"]', (b) =>
      b.state === 'error' && b.fields['error.code'] && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(b.fields)}`],
    );
    return problems;
  });
  for (const c of billing.filter((c) => c.op === 'validate_meter' && c.error !== undefined)) {
    await t.check(`message/validate_meter (through the preview): ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await fill(page, P, 'msg-balance', '');
      await page.fill('#msg-meter', JSON.stringify(c.input.meter));
      return settle(page, '[data-testid="charge-result"]', vectorCheck(c));
    });
  }
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await page.fill('#msg-text', 'Thank you for the lovely message, I would love to hear more about your trip to Kraków!');
  await choose(page, P, 'msg-sender', 'earner');
  await tick(page, P, 'msg-royal', false);
  await fill(page, P, 'msg-balance', '');
  await page.fill('#msg-meter', JSON.stringify({ payer_messages: 2, earner_messages: 2, billed_words: 0, billed_tokens: 0, creator_tokens: 0, royal: false }));
  await page.fill('#msg-recent', '[]');
  await fill(page, P, 'msg-now', '1795176000000');
}
