// One driver per console panel, in page order (the ids of src/panels/index.ts). Each has
// `run(page, tally)` (drive it with vectors) and `pose(page)` (state for the screenshot).
import * as revenue from './revenue.mjs';
import * as message from './message.mjs';
import * as upload from './upload.mjs';
import * as ratelimit from './ratelimit.mjs';
import * as launch from './launch.mjs';
import * as flags from './flags.mjs';
import * as discovery from './discovery.mjs';
import * as security from './security.mjs';
import * as health from './health.mjs';
import * as admission from './admission.mjs';
import * as moderation from './moderation.mjs';
import * as ledger from './ledger.mjs';
import * as release from './release.mjs';

export const DRIVERS = [
  { id: 'admission', ...admission },
  { id: 'launch', ...launch },
  { id: 'revenue', ...revenue },
  { id: 'message', ...message },
  { id: 'upload', ...upload },
  { id: 'ratelimit', ...ratelimit },
  { id: 'flags', ...flags },
  { id: 'discovery', ...discovery },
  { id: 'security', ...security },
  { id: 'health', ...health },
  { id: 'release', ...release },
  { id: 'moderation', ...moderation },
  { id: 'ledger', ...ledger },
];
