'use strict';
// Cross-language call costs from JavaScript: the @avalo/core WASM build in Node.
// Run via scripts/bench-cross-language.sh (builds wasm/pkg-node first), or
//   node benches/cross-language/js/bench.js
// Every figure is the median of 15 rounds after a warm-up; "per item" divides by the items in
// one call. Calls whose module has not landed in the build are reported as "n/a".
const path = require('path');
const core = require(path.join(__dirname, '..', '..', '..', 'wasm', 'pkg-node'));
const { deck, viewer, NOW } = require('./deck.js');

const ROUNDS = 15;
function measure(f, minMs = 40) {
  // calibrate: iterations so that one round lasts ~minMs
  let iters = 1;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) f();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (ms >= minMs || iters >= 1 << 24) break;
    iters *= ms < minMs / 8 ? 8 : 2;
  }
  // CPU time of this process (user + system) rather than wall time: on a shared machine the
  // process is often descheduled, which wall time would count.
  const per = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c = process.cpuUsage();
    for (let i = 0; i < iters; i++) f();
    const d = process.cpuUsage(c);
    per.push(((d.user + d.system) * 1e3) / iters);
  }
  per.sort((a, b) => a - b);
  return per[per.length >> 1]; // CPU ns per call
}
const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const rows = [];
function row(name, items, f) {
  if (!f) { rows.push([name, 'n/a (not in this build)', '', '']); return undefined; }
  const ns = measure(f);
  rows.push([name, String(items), fmt(ns), items > 1 ? fmt(ns / items) : '']);
  return ns;
}
const has = (n) => typeof core[n] === 'function';

const policy = core.Policy.default();
row('policy.version (trivial getter)', 1, () => policy.version);
row('policy.fingerprint (64-char string)', 1, () => policy.fingerprint);
row('splitAmount(101, 6500)', 1, () => core.splitAmount(101, 6500));
const one = row('splitRevenue(chat, 101)', 1, () => core.splitRevenue(policy, 'chat', 101));
const amounts = Array.from({ length: 1000 }, (_, i) => 1 + (i % 7));
const batch = row('splitCumulativeBatch, 1 000 payments', 1000, () => core.splitCumulativeBatch(policy, 'chat', undefined, amounts));
const stepOne = row('splitCumulative, 1 payment', 1, () => core.splitCumulative(policy, 'chat', undefined, 3));

const text = 'Hey! How was your weekend? I finally went hiking in the Tatras, the view from Kasprowy was amazing and the weather held all day long.';
let preview, previewBatch;
if (has('previewMessage')) {
  preview = row('previewMessage (24-word message)', 1, () => core.previewMessage(policy, undefined, 'earner', text, false));
}
else row('previewMessage (24-word message)', 1, null);
if (has('billMessages')) {
  const msgs = Array.from({ length: 100 }, () => ({ sender: 'earner', text }));
  previewBatch = row('billMessages, 100 messages', 100, () => core.billMessages(policy, undefined, msgs, false, 1e9));
} else row('billMessages, 100 messages', 100, null);
if (has('countWords')) {
  row('countWords (24-word message)', 1, () => core.countWords(policy, text));
  const texts = Array.from({ length: 1000 }, () => text);
  row('countWordsBatch, 1 000 messages', 1000, () => core.countWordsBatch(policy, texts));
}

const rank = {};
for (const n of [1000, 10000]) {
  const d = deck(n);
  const v = viewer(d);
  if (has('rankCandidates')) rank[n] = row(`rankCandidates, ${n} candidates (objects)`, n, () => core.rankCandidates(policy, v, d, NOW, { size: 20 }));
  else row(`rankCandidates, ${n} candidates`, n, null);
  if (has('rankCandidateColumns')) {
    const { toColumns } = require('./deck.js');
    const cols = toColumns(d);
    row(`rankCandidateColumns, ${n} (typed arrays ready)`, n, () => core.rankCandidateColumns(policy, v, cols, NOW, { size: 20 }));
  }
}

console.log(`JavaScript (Node ${process.version}, WASM): CPU time per call, median of ${ROUNDS} rounds`);
console.log(['call', 'items', 'per call', 'per item'].join(' | '));
for (const r of rows) console.log(r.join(' | '));
if (batch && stepOne) console.log(`batch speed-up, cumulative split: ${(stepOne / (batch / 1000)).toFixed(1)}x per item (1 000 in one call vs one call each)`);
if (preview && previewBatch) console.log(`batch speed-up, message billing: ${(preview / (previewBatch / 100)).toFixed(1)}x per message (100 in one call vs previewMessage each)`);
if (rank[1000] && rank[10000]) console.log(`ranking per candidate: ${fmt(rank[1000] / 1000)} at 1 000, ${fmt(rank[10000] / 10000)} at 10 000`);
