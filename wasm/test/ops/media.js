'use strict';
// Vector operations of the `media` module (core/src/media.rs, wasm/src/media.rs).
const core = require('@avalo/core');
const { arg } = require('../support/input.js');

module.exports = {
  media_access: (_p, i) => core.mediaAccess(arg.object(i, 'item'), arg.object(i, 'viewer'), arg.number(i, 'now_ms')),
  check_media_access: (_p, i) => ({
    grant: core.checkMediaAccess(arg.object(i, 'item'), arg.object(i, 'viewer'), arg.number(i, 'now_ms')),
  }),
  check_story_quota: (p, i) => core.checkStoryQuota(p, arg.array(i, 'posted_at_ms'), arg.number(i, 'now_ms')),
  story_expiry: (p, i) => ({ expires_at_ms: core.storyExpiry(p, arg.number(i, 'posted_at_ms')) }),
};
