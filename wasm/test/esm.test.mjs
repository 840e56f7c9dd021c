// Node ESM consumers: `import { … } from '@avalo/core'` resolves to the Node build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Policy, splitRevenue, isAvaloError } from '@avalo/core';

test('named ESM imports work in Node', () => {
  assert.equal(splitRevenue(Policy.default(), 'chat', 101).creator, 65);
  assert.equal(typeof isAvaloError, 'function');
});
