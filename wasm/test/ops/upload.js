'use strict';
// Vector operations of the `upload` module (none yet): map each op name to its typed call,
// as in split.js. See wasm/README.md.

module.exports = {};
