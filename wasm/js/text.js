// The lone-surrogate check of records and lists passed to @avalo/core (issue 14 item 8, made
// cheaper in issue 20): serde-wasm-bindgen would read "\ud800" as U+FFFD, so two different JS
// strings would reach the core as one. Imported by wasm/src/convert.rs; no rule lives here.

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const wellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !LONE_SURROGATE.test(s);

// Deeper than any record of the API: a cycle or an absurd nesting is left to the decoder.
const MAX_DEPTH = 64;

function lone(v, depth) {
  if (typeof v === 'string') return !wellFormed(v);
  if (typeof v !== 'object' || v === null || depth > MAX_DEPTH || ArrayBuffer.isView(v)) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (lone(v[i], depth + 1)) return true;
    return false;
  }
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    if (!wellFormed(k) || lone(v[k], depth + 1)) return true;
  }
  return false;
}

/**
 * Whether any string in `value` (a string, or the own keys and values of nested plain
 * objects and arrays, as `JSON.stringify` would visit them) holds a lone UTF-16 surrogate.
 * @param {unknown} value
 */
export function hasLoneSurrogate(value) {
  return lone(value, 0);
}
