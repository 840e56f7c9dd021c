'use strict';
// Rewrites the local JS snippets of the Node build (wasm/pkg-node/snippets/**.js, copied from
// wasm/js/ by wasm-bindgen as ES modules) as CommonJS: the Node glue require()s them, and
// Node 18/20 cannot require an ES module. The snippets may only use `export function name(`
// (checked here: any other import/export fails the build).
// Usage: node wasm/build/snippets-cjs.cjs wasm/pkg-node/snippets
const fs = require('fs');
const path = require('path');

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []);

const root = process.argv[2];
for (const file of fs.existsSync(root) ? walk(root) : []) {
  const src = fs.readFileSync(file, 'utf8');
  const names = [...src.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  const body = src.replace(/^export function /gm, 'function ');
  if (/^\s*(export|import)\b/m.test(body)) {
    console.error(`${file}: only \`export function name(\` is supported in a snippet`);
    process.exit(1);
  }
  fs.writeFileSync(file, `'use strict';\n${body}\nmodule.exports = { ${names.join(', ')} };\n`);
  console.log(`snippet as CommonJS: ${file} (${names.join(', ')})`);
}
