'use strict';
// Post-processes the JS glue that wasm-bindgen writes (scripts/build-wasm.sh runs it on
// wasm/pkg-node/index.js and wasm/pkg-web/index.js) so that the two errors the glue itself
// throws carry a SPEC §11 code like every other error of the package (issue 14, item 7):
//   - a value that is not an instance of the expected class (a plain object where a `Policy`
//     is expected): wasm-bindgen throws `Error("expected instance of Policy")`;
//   - an instance whose Rust value is gone (`policy.free()` was called, or `new Policy()`
//     made an empty shell): the Rust side throws `Error("null pointer passed to rust")`.
// Both become an `AvaloError` with `code` "INVALID_INPUT" and a `reason`. A freed or empty
// instance passed as an argument is refused in JS before the call enters wasm.
// Each rewrite must match exactly once: if a wasm-bindgen upgrade changes the glue, the build
// fails here instead of shipping uncoded errors.
const fs = require('node:fs');

const HELPER = `
/** An error of this package (see \`AvaloError\` in index.d.ts) with code INVALID_INPUT. */
function avaloInvalidInput(reason) {
    const err = new Error(\`INVALID_INPUT: \${reason}\`);
    err.name = 'AvaloError';
    err.code = 'INVALID_INPUT';
    err.reason = reason;
    return err;
}
`;

const REWRITES = [
  {
    what: '_assertClass (wrong class, freed or empty instance)',
    from: `function _assertClass(instance, klass) {
    if (!(instance instanceof klass)) {
        throw new Error(\`expected instance of \${klass.name}\`);
    }
}
`,
    to: `function _assertClass(instance, klass) {
    if (!(instance instanceof klass)) {
        const got = instance === null ? 'null' : typeof instance === 'object' ? \`an object that is not a \${klass.name}\` : typeof instance;
        throw avaloInvalidInput(\`expected an instance of \${klass.name} (from \${klass.name}.default(), .fromJson(), ...), got \${got}\`);
    }
    if (!instance.__wbg_ptr) {
        throw avaloInvalidInput(\`this \${klass.name} has been freed (free() was called) or was never built\`);
    }
}
${HELPER}`,
  },
  {
    what: '__wbindgen_throw (errors raised by the generated Rust wrappers)',
    from: `            throw new Error(getStringFromWasm0(arg0, arg1));
`,
    to: `            const message = getStringFromWasm0(arg0, arg1);
            throw avaloInvalidInput(message === 'null pointer passed to rust'
                ? 'this object has been freed (free() was called) or was never built'
                : message);
`,
  },
];

for (const file of process.argv.slice(2)) {
  let text = fs.readFileSync(file, 'utf8');
  for (const { what, from, to } of REWRITES) {
    const count = text.split(from).length - 1;
    if (count !== 1) {
      console.error(`${file}: expected the glue of ${what} once, found it ${count} times (wasm-bindgen changed?)`);
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  fs.writeFileSync(file, text);
  console.log(`patched ${file}: coded errors for class checks and freed objects`);
}
