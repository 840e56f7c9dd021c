'use strict';
// Comparison of an expected value with an actual one, with the semantics of the Rust runner
// (tests/src/lib.rs `compare`): objects by the expected keys (extra keys in the result are
// ignored), arrays element-wise with equal lengths, integers exactly, other numbers within
// FLOAT_TOLERANCE, everything else exactly. Returns null on a match, else why not.
const { isDeepStrictEqual } = require('node:util');

/** Absolute tolerance for non-integer numbers (ranking scores), as in every runner. */
const FLOAT_TOLERANCE = 1e-9;

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v) => JSON.stringify(v);

function compare(want, got, path = '$') {
  if (isObject(want) && isObject(got)) {
    for (const [key, w] of Object.entries(want)) {
      const child = `${path}.${key}`;
      if (!Object.prototype.hasOwnProperty.call(got, key)) return `${child}: missing in result ${show(got)}`;
      const why = compare(w, got[key], child);
      if (why) return why;
    }
    return null;
  }
  if (Array.isArray(want) && Array.isArray(got)) {
    if (want.length !== got.length) return `${path}: expected ${want.length} items, got ${got.length}: ${show(got)}`;
    for (let i = 0; i < want.length; i++) {
      const why = compare(want[i], got[i], `${path}[${i}]`);
      if (why) return why;
    }
    return null;
  }
  if (typeof want === 'number' && typeof got === 'number') {
    const same = Number.isInteger(want) && Number.isInteger(got)
      ? want === got
      : Math.abs(want - got) <= FLOAT_TOLERANCE;
    return same ? null : `${path}: expected ${want}, got ${got}`;
  }
  return isDeepStrictEqual(want, got) ? null : `${path}: expected ${show(want)}, got ${show(got)}`;
}

module.exports = { compare, FLOAT_TOLERANCE };
