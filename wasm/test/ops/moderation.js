'use strict';
// Vector operations of the `moderation` module (core/src/moderation/, wasm/src/moderation.rs).
const core = require('@avalo/core');
const { arg, opt } = require('../support/input.js');

module.exports = {
  media_verdict: (p, i) =>
    core.mediaVerdict(
      p,
      arg.string(i, 'purpose'),
      arg.object(i, 'scores'),
      opt.string(i, 'ocr_text'),
      opt.string(i, 'caption'),
    ),
  screen_terms: (p, i) => core.screenTerms(p, arg.string(i, 'text')),
  screen_text: (p, i) => core.screenText(p, arg.string(i, 'field'), arg.string(i, 'text')),
  sanitise_text: (p, i) => ({ text: core.sanitiseText(p, arg.string(i, 'field'), arg.string(i, 'text')) }),
  escape_html: (_p, i) => ({ text: core.escapeHtml(arg.string(i, 'text')) }),
  is_linkable: (_p, i) => ({ linkable: core.isLinkable(arg.string(i, 'url')) }),
};
