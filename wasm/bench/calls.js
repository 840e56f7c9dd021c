'use strict';
// Per-call cost of @avalo/core from JavaScript (issue 20): CPU time per call, median of 7
// rounds of N calls each, after a warm-up, with the 1-minute load average (the machine is
// shared; CPU time is less disturbed by other processes than wall time).
// Run after scripts/build-wasm.sh:  node wasm/bench/calls.js [package dir]
//   countWords, ~190 B     a chat message with a few non-ASCII letters and one emoji
//   countWords, "a"        the fixed cost of one call
//   wordsPerToken          the floor: a Policy borrow, one boolean in, one number out
//   chatRoles              a 2-field record out (serde-wasm-bindgen)
//   splitRevenue           a string enum in, a 6-field record out (one 64-character string)
//   peer: count in JS      the same message split by Intl.Segmenter (word-like segments),
//                          the way a TypeScript backend would count words without the package
const os = require('os');
const path = require('path');
const core = require(process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, '..', 'pkg-node'));

const N = Number(process.env.CALLS || 200_000);
const p = core.Policy.default();
const msg = 'Hey! I saw your photos from the trip to Kraków last summer — the one by the river looks amazing. '
  + 'Would you like to grab a coffee this weekend? I know a great place near the old town 😊';
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
const peerCount = (text) => {
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
};

function bench(label, f, n = N) {
  for (let i = 0; i < 20_000; i++) f();
  const cpu = [];
  for (let r = 0; r < 7; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) f();
    const u = process.cpuUsage(t);
    cpu.push(((u.user + u.system) * 1000) / n);
  }
  cpu.sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} cpu median ${cpu[3].toFixed(0).padStart(6)} ns/call  best ${cpu[0].toFixed(0).padStart(6)}  load ${os.loadavg()[0].toFixed(1)}`);
}

console.log(`message: ${Buffer.byteLength(msg)} bytes, ${core.countWords(p, msg)} billable words (Intl.Segmenter word-like: ${peerCount(msg)}); node ${process.version}`);
bench('countWords, ~190 B', () => core.countWords(p, msg));
bench('countWords, "a"', () => core.countWords(p, 'a'));
bench('wordsPerToken', () => core.wordsPerToken(p, true));
bench('chatRoles (2 fields)', () => core.chatRoles(true, false));
bench('splitRevenue (6 fields)', () => core.splitRevenue(p, 'chat', 1000));
bench('peer: count in JS (Segmenter)', () => peerCount(msg), N / 10);
