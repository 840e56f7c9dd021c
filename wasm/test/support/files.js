'use strict';
// Vector files: tests/vectors/*.json plus every *.json in each directory of
// AVALO_EXTRA_VECTORS (':'-separated), sorted by path; the same set as the Rust runner.
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');

function vectorDirs() {
  const dirs = [path.join(REPO, 'tests', 'vectors')];
  const extra = process.env.AVALO_EXTRA_VECTORS;
  if (extra) dirs.push(...extra.split(':').filter((s) => s !== ''));
  return dirs;
}

function vectorFiles(dirs = vectorDirs()) {
  const files = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir)) {
      if (name.endsWith('.json')) files.push(path.join(dir, name));
    }
  }
  return files.sort();
}

const FILE_KEYS = new Set(['module', 'description', 'cases']);
const CASE_KEYS = new Set(['name', 'op', 'input', 'policy', 'expect', 'error']);

/** Parses and checks one file's shape (unknown keys are refused, as serde does in Rust). */
function loadFile(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const where = path.basename(file);
  const unknown = (obj, allowed) => Object.keys(obj).filter((k) => !allowed.has(k));
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${where}: not an object`);
  if (unknown(data, FILE_KEYS).length) throw new Error(`${where}: unknown keys ${unknown(data, FILE_KEYS)}`);
  if (typeof data.module !== 'string') throw new Error(`${where}: missing module`);
  if (!Array.isArray(data.cases)) throw new Error(`${where}: missing cases`);
  data.cases.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) throw new Error(`${where}: case ${i} is not an object`);
    if (unknown(c, CASE_KEYS).length) throw new Error(`${where}: case ${i}: unknown keys ${unknown(c, CASE_KEYS)}`);
    if (typeof c.name !== 'string' || typeof c.op !== 'string' || !('input' in c)) {
      throw new Error(`${where}: case ${i}: needs name, op and input`);
    }
    if (c.error != null && typeof c.error !== 'string') throw new Error(`${where}: case ${i}: error must be a string`);
  });
  return data;
}

module.exports = { vectorDirs, vectorFiles, loadFile };
