'use strict';
// Bytes in vectors are hex strings; the JS API takes Uint8Array.
const { arg, opt, BadVector } = require('./input.js');

function fromHex(hex, key) {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new BadVector(`field ${key}: ${JSON.stringify(hex)} is not hex`);
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** A required hex field as a Uint8Array. */
const bytes = (input, key) => fromHex(arg.string(input, key), key);
/** An optional hex field as a Uint8Array (absent is undefined). */
const optBytes = (input, key) => {
  const h = opt.string(input, key);
  return h === undefined ? undefined : fromHex(h, key);
};

module.exports = { bytes, optBytes, fromHex };
