'use strict';
// Vector operations of the `upload` module (core/src/upload/, wasm/src/upload.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');
const { optBytes, bytes, fromHex } = require('../support/bytes.js');

module.exports = {
  validate_upload: (p, i) =>
    core.validateUpload(p, {
      mime_type: arg.string(i, 'mime_type'),
      size_bytes: arg.number(i, 'size_bytes'),
      file_name: arg.string(i, 'file_name'),
      purpose: opt.string(i, 'purpose'),
      head: optBytes(i, 'head'),
      user_id: arg.string(i, 'user_id'),
      content_sha256: arg.string(i, 'content_sha256'),
      now_ms: arg.number(i, 'now_ms'),
    }),
  mime_info: (_p, i) => core.mimeInfo(arg.string(i, 'mime_type')),
  sanitise_file_name: (_p, i) => {
    const name = core.sanitiseFileName(arg.string(i, 'name'), arg.number(i, 'max_chars'));
    return { file_name: name, chars: [...name].length };
  },
  check_file_name: (p, i) => core.checkFileName(p, arg.string(i, 'name'), arg.string(i, 'mime_type')),
  sniff: (_p, i) => core.sniff(bytes(i, 'head')),
  validate_user_id: (_p, i) => {
    core.validateUserId(arg.string(i, 'user_id'));
    return { valid: true };
  },
  content_id: (_p, i) => ({ content_id: core.contentId(arg.string(i, 'sha256')) }),
  storage_path: (p, i) => ({
    storage_path: core.storagePath(
      p,
      arg.string(i, 'user_id'),
      arg.string(i, 'folder'),
      arg.number(i, 'now_ms'),
      arg.string(i, 'content_sha256'),
      arg.string(i, 'file_name'),
    ),
  }),
  sha256_hex: (_p, i) => ({ sha256: core.sha256Hex(bytes(i, 'data')) }),
  sha256_stream: (_p, i) => {
    const s = new core.Sha256Stream();
    try {
      arg.array(i, 'chunks').forEach((c, n) => s.update(fromHex(c, `chunks[${n}]`)));
      return { sha256: s.finish(), bytes: s.bytesHashed };
    } finally {
      s.free();
    }
  },
  is_duplicate: (_p, i) => ({ duplicate: core.isDuplicate(arg.string(i, 'a'), arg.string(i, 'b')) }),
};
