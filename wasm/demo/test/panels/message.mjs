// Message price preview: count_words, preview_message, bill_message and check_spam vectors.
import { settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, paste, tick, usePolicy, when } from './common.mjs';

/** Types the chat meter into its fields (or ticks "New chat" when there is none). */
async function typeMeter(page, meter) {
  const none = meter === undefined || meter === null;
  await tick(page, P, 'msg-new-chat', none);
  if (none) return;
  for (const k of ['payer_messages', 'earner_messages', 'billed_words', 'billed_tokens', 'creator_tokens']) await fill(page, P, `meter-${k}`, meter[k]);
  await tick(page, P, 'meter-royal', meter.royal);
}

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
      await typeMeter(page, i.meter);
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
      const recent = c.input.recent ?? [];
      if (recent.length <= 2) {
        // Typed into the rows of the form, as an operator would.
        await paste(page, '#msg-recent', '[]');
        for (const [k, m] of recent.entries()) {
          await page.click('[data-testid="recent-add"]');
          await fill(page, P, `recent-${k}-text`, m.text);
          await when(page, P, `recent-${k}-at`, m.sent_at_ms);
        }
      } else await paste(page, '#msg-recent', JSON.stringify(recent));
      await when(page, P, 'msg-now', c.input.now_ms);
      await page.fill('#msg-text', c.input.text);
      return settle(page, '[data-testid="spam-result"]', vectorCheck(c));
    });
  }
  await t.check('message/bad meter JSON shows a code and reason', async () => {
    await usePolicy(page, undefined);
    await paste(page, '#msg-meter', '{"payer_messages": ');
    const problems = await settle(page, '[data-testid="charge-result"]', (b) =>
      b.state === 'error' && b.fields['error.code'] && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(b.fields)}`],
    );
    return problems;
  });
  for (const c of billing.filter((c) => c.op === 'validate_meter' && c.error !== undefined)) {
    await t.check(`message/validate_meter (through the preview): ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await fill(page, P, 'msg-balance', '');
      await typeMeter(page, c.input.meter);
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
  await typeMeter(page, { payer_messages: 2, earner_messages: 2, billed_words: 0, billed_tokens: 0, creator_tokens: 0, royal: false });
  await paste(page, '#msg-recent', JSON.stringify([{ text: 'hi there', sent_at_ms: 1795175940000 }]));
  await when(page, P, 'msg-now', 1795176000000);
  await page.evaluate(() => document.querySelectorAll('#message details').forEach((d) => (d.open = false)));
}
