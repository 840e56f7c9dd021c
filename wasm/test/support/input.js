'use strict';
// Typed access to a case's `input`, like the Rust runner's `arg` / `opt`: a missing or
// wrongly typed field is a malformed vector (a BadVector error, which fails the case whatever
// it expected), never an error of the library under test.

class BadVector extends Error {
  constructor(message) {
    super(`bad vector input: ${message}`);
    this.name = 'BadVector';
  }
}

const TYPES = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: (v) => Array.isArray(v),
};

function field(input, key, type, required) {
  const v = input == null ? undefined : input[key];
  if (v === undefined || v === null) {
    if (required) throw new BadVector(`missing field ${key}`);
    return undefined;
  }
  if (!TYPES[type](v)) throw new BadVector(`field ${key}: expected ${type}, got ${JSON.stringify(v)}`);
  return v;
}

/** Required fields. */
const arg = Object.fromEntries(Object.keys(TYPES).map((t) => [t, (input, key) => field(input, key, t, true)]));
/** Optional fields (absent or null is undefined). */
const opt = Object.fromEntries(Object.keys(TYPES).map((t) => [t, (input, key) => field(input, key, t, false)]));

module.exports = { arg, opt, BadVector };
