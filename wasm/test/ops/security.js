'use strict';
// Vector operations of the `security` module (core/src/security/, wasm/src/security.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');
const { bytes } = require('../support/bytes.js');

const verifyArgs = (p, i) => [
  p,
  bytes(i, 'secret'),
  opt.string(i, 'timestamp'),
  opt.string(i, 'signature'),
  arg.string(i, 'method'),
  arg.string(i, 'path_and_query'),
  bytes(i, 'body'),
  arg.number(i, 'now_ms'),
];

module.exports = {
  canonical_request: (_p, i) => ({
    canonical: core.canonicalRequest(arg.string(i, 'timestamp'), arg.string(i, 'method'), arg.string(i, 'path_and_query'), bytes(i, 'body')),
  }),
  sign_request: (_p, i) =>
    core.signRequest(bytes(i, 'secret'), arg.number(i, 'timestamp_ms'), arg.string(i, 'method'), arg.string(i, 'path_and_query'), bytes(i, 'body')),
  verify_request: (p, i) => core.verifyRequest(...verifyArgs(p, i)),
  check_request_signature: (p, i) => core.checkRequestSignature(...verifyArgs(p, i)),
  canonical_url: (_p, i) => ({
    canonical: core.canonicalUrl(
      arg.string(i, 'method'),
      arg.string(i, 'path'),
      arg.number(i, 'expires_at_ms'),
      opt.string(i, 'content_type'),
      opt.number(i, 'max_bytes'),
    ),
  }),
  sign_url: (_p, i) => ({
    url: core.signUrl(
      bytes(i, 'secret'),
      arg.string(i, 'method'),
      arg.string(i, 'path'),
      arg.number(i, 'expires_at_ms'),
      opt.string(i, 'content_type'),
      opt.number(i, 'max_bytes'),
    ),
  }),
  verify_url: (_p, i) =>
    core.verifyUrl(
      bytes(i, 'secret'),
      arg.string(i, 'method'),
      arg.string(i, 'url'),
      arg.number(i, 'now_ms'),
      opt.string(i, 'content_type'),
      opt.number(i, 'size_bytes'),
    ),
  url_expiry: (p, i) => ({ expires_at_ms: core.urlExpiry(p, arg.string(i, 'purpose'), arg.number(i, 'now_ms')) }),
  encode_url_path: (_p, i) => ({ path: core.encodeUrlPath(arg.string(i, 'raw')) }),
  normalise_origin: (_p, i) => ({ origin: core.normaliseOrigin(arg.string(i, 'origin')) ?? null }),
  check_origin: (p, i) => core.checkOrigin(p, opt.string(i, 'origin'), arg.string(i, 'profile')),
  check_session_freshness: (p, i) => core.checkSessionFreshness(p, arg.number(i, 'auth_time_ms'), arg.number(i, 'now_ms')),
};
