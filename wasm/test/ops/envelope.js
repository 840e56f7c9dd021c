'use strict';
// Vector operations of signed policy envelopes, stale clients and the policy diff
// (core/src/policy/{ed25519,envelope,stale,diff}.rs, wasm/src/envelope.rs, Policy.fromEnvelope).
// Byte strings are hex in the vectors; envelopes are JSON text.
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');
const { bytes } = require('../support/bytes.js');

const hex = (b) => Buffer.from(b).toString('hex');

/** The policy an `active_envelope` stands for: loaded at its own `not_before_ms`; else built-in. */
function activePolicy(i, keyring) {
  const text = opt.string(i, 'active_envelope');
  if (text === undefined) return core.Policy.default();
  return core.Policy.fromEnvelope(text, keyring, core.parsePolicyEnvelope(text).not_before_ms);
}

module.exports = {
  ed25519_sign: (_p, i) => {
    const seed = bytes(i, 'seed');
    const publicKey = core.publicKeyOfSeed(seed);
    const signature = core.signBytes(seed, bytes(i, 'message'));
    return { public_key: hex(publicKey), key_id: core.keyIdOf(publicKey), signature: hex(signature) };
  },
  ed25519_verify_strict: (_p, i) => ({
    valid: core.verifyStrictBytes(bytes(i, 'public_key'), bytes(i, 'message'), bytes(i, 'signature')),
  }),
  policy_signing_input: (_p, i) => ({
    signing_input: core.signingInput(
      arg.number(i, 'schema'),
      arg.number(i, 'serial'),
      arg.number(i, 'not_before_ms'),
      arg.number(i, 'expires_at_ms'),
      arg.string(i, 'key_id'),
      arg.string(i, 'payload'),
    ),
  }),
  keyring_entry_for_seed: (_p, i) =>
    core.keyringEntryForSeed(bytes(i, 'seed'), arg.number(i, 'valid_from_ms'), arg.number(i, 'valid_until_ms')),
  sign_policy_envelope: (_p, i) =>
    core.signPolicyEnvelope(
      bytes(i, 'seed'),
      arg.number(i, 'serial'),
      arg.number(i, 'not_before_ms'),
      arg.number(i, 'expires_at_ms'),
      arg.string(i, 'payload'),
    ),
  activate_policy_envelope: (_p, i) => {
    const keyring = arg.array(i, 'keyring');
    const active = activePolicy(i, keyring);
    const p = core.activatePolicyEnvelope(active, arg.string(i, 'envelope'), keyring, arg.number(i, 'now_ms'));
    if (p === undefined) return { status: 'already_active' };
    return { status: 'activated', serial: p.serial, schema: p.schema, fingerprint: p.fingerprint };
  },
  check_client_policy: (_p, i) =>
    core.checkClientPolicy(arg.object(i, 'server'), arg.string(i, 'client_fingerprint'), arg.number(i, 'now_ms')),
  diff_policies: (_p, i) => {
    const old = core.Policy.fromPatch(JSON.stringify(arg.object(i, 'old')));
    const now = core.Policy.fromPatch(JSON.stringify(arg.object(i, 'new')));
    return { lines: core.diffPolicies(old, now).map((c) => c.line) };
  },
};
