// Moderation: media_verdict, screen_terms and screen_text vectors typed into the panel; the
// highlighted spans are checked against the vectors' UTF-16 spans.
import { diff, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, usePolicy } from './common.mjs';

const P = 'moderation';
const joined = (list, f) => list.map(f).join(',');

export async function run(page, t) {
  const cases = vectors('moderation');
  for (const c of cases.filter((c) => c.op === 'media_verdict')) {
    await t.check(`moderation/media_verdict: ${c.name}`, async () => {
      const i = c.input;
      await usePolicy(page, c.policy);
      await choose(page, P, 'mod-purpose', i.purpose);
      for (const k of ['nsfw', 'toxicity', 'sexual']) await fill(page, P, `mod-${k}`, i.scores[k] ?? '');
      await fill(page, P, 'mod-ocr', i.ocr_text ?? '');
      await fill(page, P, 'mod-caption', i.caption ?? '');
      return settle(page, '[data-testid="mod-verdict"]', (b) => {
        if (c.error !== undefined) return vectorCheck(c)(b);
        if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']} ${b.fields['error.reason']})`];
        const e = c.expect;
        // A vector may give only some of the fields: compare those it gives.
        const want = { state: e.state };
        if (e.missing) want.missing = e.missing.join(',');
        if (e.crossed) want.crossed = joined(e.crossed, (x) => `${x.stage}:${x.level}:${x.score_bp}:${x.threshold_bp}`);
        if (e.ocr_matches) want.ocr_matches = joined(e.ocr_matches, (m) => m.term);
        if (e.caption_matches) want.caption_matches = joined(e.caption_matches, (m) => m.term);
        return diff(want, b.fields);
      });
    });
  }
  for (const c of cases.filter((c) => c.op === 'screen_terms')) {
    await t.check(`moderation/screen_terms: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await page.fill('#mod-text', c.input.text);
      const p = await settle(page, '[data-testid="mod-screen"]', (b) => {
        if (c.error !== undefined) return vectorCheck(c)(b);
        if (b.state !== 'ok') return [`state ${b.state}`];
        const { matches, ...rest } = c.expect;
        if (b.rows.length !== matches.length) return [`${b.rows.length} matches, want ${matches.length}`];
        return [...diff(rest, b.fields), ...matches.flatMap((m, k) => diff(m, b.rows[k]).map((x) => `match ${k}: ${x}`))];
      });
      if (p.length || c.error !== undefined) return p;
      // The highlighted spans are exactly the matched text of the original.
      const marks = await page.$$eval('[data-testid="mod-highlight"] mark', (ms) => ms.map((m) => m.textContent));
      // A vector may give only the byte span: it equals the UTF-16 one for ASCII text.
      const ascii = /^[\x00-\x7f]*$/.test(c.input.text);
      const span = (m) => [m.start_utf16 ?? (ascii ? m.start : undefined), m.end_utf16 ?? (ascii ? m.end : undefined)];
      if (c.expect.matches.some((m) => span(m).includes(undefined))) return [];
      const want = [...c.expect.matches].sort((a, b) => span(a)[0] - span(b)[0]);
      let at = 0;
      const spans = [];
      for (const m of want) {
        const [start, end] = span(m);
        const s = Math.max(at, start);
        if (end > s) spans.push(c.input.text.slice(s, end));
        at = Math.max(at, end);
      }
      return JSON.stringify(marks) === JSON.stringify(spans) ? [] : [`highlighted ${JSON.stringify(marks)}, want ${JSON.stringify(spans)}`];
    });
  }
  for (const c of cases.filter((c) => c.op === 'screen_text' && !/[\n\r]/.test(c.input.text))) {
    await t.check(`moderation/screen_text: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await choose(page, P, 'mod-field', c.input.field);
      await fill(page, P, 'mod-user-text', c.input.text);
      return settle(page, '[data-testid="mod-screened"]', (b) => {
        if (c.error !== undefined) return vectorCheck(c)(b);
        if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']})`];
        const { matches, ...rest } = c.expect;
        return [...diff(rest, b.fields), ...(b.fields['matches.length'] === String(matches.length) ? [] : [`matches ${b.fields['matches.length']}, want ${matches.length}`])];
      });
    });
  }
  await t.check('moderation/a score above 10 000 bp is refused with its code', async () => {
    await usePolicy(page, undefined);
    await fill(page, P, 'mod-nsfw', 10001);
    const p = await settle(page, '[data-testid="mod-verdict"]', (b) => (b.state === 'error' && b.fields['error.code'] === 'INVALID_INPUT' ? [] : [`shows ${JSON.stringify(b.fields)}`]));
    await fill(page, P, 'mod-nsfw', 1200);
    return p;
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await choose(page, P, 'mod-purpose', 'feed_image');
  await fill(page, P, 'mod-nsfw', 1200);
  await fill(page, P, 'mod-toxicity', 300);
  await fill(page, P, 'mod-sexual', '');
  await fill(page, P, 'mod-ocr', 'follow me on venmo');
  await fill(page, P, 'mod-caption', 'beach day');
  await page.fill('#mod-text', 'Nice to meet you! Pay me on venmo or cashapp, text me on telegram.');
  await choose(page, P, 'mod-field', 'message');
  await fill(page, P, 'mod-user-text', '  hi\u200b there, add me on snap  ');
}
