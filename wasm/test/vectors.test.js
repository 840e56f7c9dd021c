'use strict';
// The JavaScript conformance runner: every case of tests/vectors/*.json and of each directory
// in AVALO_EXTRA_VECTORS, run through the typed API of @avalo/core (the same package users
// import), with the Rust runner's rules (tests/src/lib.rs):
// - exactly one of `expect` / `error`; an unknown operation fails the case;
// - `policy` is a JSON merge patch applied with Policy.fromPatch (its error is the outcome);
// - results compare with support/compare.js; errors by their SPEC §11 `code`;
// - anything thrown that is not an AvaloError (a malformed vector, a TypeError) fails the case.
// Prints `N passed, N failed` at the end and fails when no case ran.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { Policy, isAvaloError } = require('@avalo/core');
const { vectorFiles, loadFile } = require('./support/files.js');
const { compare } = require('./support/compare.js');
const { lookup } = require('./ops/registry.js');

const present = (v) => v !== undefined && v !== null;

/** Runs one case; returns null when it passes, else why it failed. */
function runCase(c, builtin) {
  if (present(c.expect) === present(c.error)) return 'a case needs exactly one of `expect` and `error`';
  const run = lookup(c.op);
  if (!run) return `unknown operation ${JSON.stringify(c.op)}`;
  let result;
  let thrown;
  let patched;
  try {
    if (present(c.policy)) patched = Policy.fromPatch(JSON.stringify(c.policy));
    result = run(patched ?? builtin, c.input);
  } catch (e) {
    thrown = e;
  } finally {
    patched?.free();
  }
  if (thrown !== undefined) {
    if (!isAvaloError(thrown)) return `threw something other than an AvaloError: ${thrown?.stack ?? thrown}`;
    if (present(c.expect)) return `expected a result, got error ${thrown.code}: ${thrown.reason}`;
    if (thrown.code === c.error) return null;
    return `expected error ${c.error}, got ${thrown.code}: ${thrown.reason}`;
  }
  if (present(c.error)) return `expected error ${c.error}, got ${JSON.stringify(result)}`;
  return compare(c.expect, result, '$');
}

const tally = { passed: 0, failed: 0 };
const builtin = Policy.default();
const files = vectorFiles();

for (const file of files) {
  const name = path.basename(file);
  test(`vectors ${name}`, async (t) => {
    let data;
    try {
      data = loadFile(file);
    } catch (e) {
      tally.failed += 1;
      assert.fail(`${name}: cannot load: ${e.message}`);
    }
    for (const c of data.cases) {
      await t.test(c.name, () => {
        const why = runCase(c, builtin);
        if (why) {
          tally.failed += 1;
          assert.fail(`${name}: ${c.name}: ${why}`);
        }
        tally.passed += 1;
      });
    }
  });
}

test('vector cases ran', () => {
  assert.ok(tally.passed + tally.failed > 0, `no vector case ran (files: ${files.length})`);
});

after(() => {
  builtin.free();
  const line = `${tally.passed} passed, ${tally.failed} failed`;
  console.log(line);
  if (process.env.AVALO_JS_SUMMARY) require('node:fs').writeFileSync(process.env.AVALO_JS_SUMMARY, `${line}\n`);
});
