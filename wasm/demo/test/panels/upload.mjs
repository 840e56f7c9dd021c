// Upload checker: validate_upload vectors through the fields, sha256_stream vectors and a
// real file (streamed hash checked against Node's crypto, an independent implementation).
import { createHash } from 'node:crypto';
import { settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, usePolicy, when } from './common.mjs';

const P = 'upload';

export async function run(page, t) {
  const cases = vectors('upload');
  for (const c of cases.filter((c) => c.op === 'validate_upload')) {
    await t.check(`upload/validate_upload: ${c.name}`, async () => {
      const i = c.input;
      await usePolicy(page, c.policy);
      await fill(page, P, 'up-name', i.file_name);
      await fill(page, P, 'up-mime', i.mime_type);
      await fill(page, P, 'up-size', i.size_bytes);
      await choose(page, P, 'up-purpose', i.purpose ?? '(none)');
      await fill(page, P, 'up-user', i.user_id);
      await when(page, P, 'up-now', i.now_ms);
      await fill(page, P, 'up-head', i.head ?? '');
      await fill(page, P, 'up-sha', i.content_sha256);
      return settle(page, '[data-testid="upload-result"]', vectorCheck(c));
    });
  }
  for (const c of cases.filter((c) => c.op === 'sha256_stream' && c.expect)) {
    await t.check(`upload/sha256_stream (as a dropped file): ${c.name}`, async () => {
      const data = Buffer.concat(c.input.chunks.map((h) => Buffer.from(h, 'hex')));
      await page.setInputFiles('#upload-file', { name: 'chunks.bin', mimeType: 'application/octet-stream', buffer: data });
      const deadline = Date.now() + 5000;
      let sha = '';
      while (Date.now() < deadline) {
        sha = await page.inputValue('#upload [name="up-sha"]');
        if (sha === c.expect.sha256) return [];
        await new Promise((r) => setTimeout(r, 25));
      }
      return [`sha256 ${sha}, want ${c.expect.sha256}`];
    });
  }
  await t.check('upload/a real 5 MiB PNG: fields from the file, streamed hash = Node crypto, progress, verdict', async () => {
    await usePolicy(page, undefined);
    const png = Buffer.alloc(5 * 1024 * 1024 + 123, 7);
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(png);
    const want = createHash('sha256').update(png).digest('hex');
    await choose(page, P, 'up-purpose', 'feed_image');
    await fill(page, P, 'up-user', 'u_123');
    await page.setInputFiles('#upload-file', { name: 'beach day.png', mimeType: 'image/png', buffer: png });
    const deadline = Date.now() + 20000;
    let sha = '';
    while (Date.now() < deadline && (sha = await page.inputValue('#upload [name="up-sha"]')) !== want) await new Promise((r) => setTimeout(r, 50));
    const problems = sha === want ? [] : [`sha256 ${sha}, want ${want}`];
    problems.push(
      ...(await settle(page, '[data-testid="upload-result"]', (b) =>
        b.state === 'ok'
          ? []
          : [`state ${b.state} ${b.fields['error.code'] ?? ''} ${b.fields['error.reason'] ?? ''}`],
      )),
    );
    const size = await page.inputValue('#upload [name="up-size"]');
    if (size !== String(png.length)) problems.push(`size ${size}`);
    const hashed = await page.getAttribute('[data-testid="upload-progress"] [data-field="hashed"]', 'data-value');
    if (hashed !== String(png.length)) problems.push(`progress ${hashed}`);
    const b = await page.$eval('[data-testid="upload-result"] [data-field="sniffed"]', (e) => e.dataset.value).catch(() => null);
    if (b !== 'png') problems.push(`sniffed ${b}`);
    return problems;
  });
  await t.check('upload/a disguised executable is refused with its code', async () => {
    const exe = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(4096)]);
    await page.setInputFiles('#upload-file', { name: 'cute.jpg', mimeType: 'image/jpeg', buffer: exe });
    return settle(page, '[data-testid="upload-result"]', (b) =>
      b.state === 'error' && b.fields['error.code'] && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(b.fields)}`],
    5000);
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  const png = Buffer.alloc(2 * 1024 * 1024, 7);
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(png);
  await choose(page, P, 'up-purpose', 'feed_image');
  await fill(page, P, 'up-user', 'u_123');
  await when(page, P, 'up-now', 1795176000000);
  await page.setInputFiles('#upload-file', { name: 'beach day.png', mimeType: 'image/png', buffer: png });
  await settle(page, '[data-testid="upload-result"]', (b) => (b.state === 'ok' ? [] : ['wait']), 10000);
}
