// Typed usage of @avalo/core, checked by `tsc --noEmit` (scripts/test-js.sh) against the
// generated .d.ts, resolved through package.json `exports` exactly as a user's project would.
// Never run: it only has to type-check. `@ts-expect-error` lines prove the types are precise.
import {
  Policy,
  errorInfo,
  isAvaloError,
  listPacks,
  minorUnits,
  parseMoney,
  quoteWithdrawal,
  retryDelay,
  splitCumulativeBatch,
  splitRevenue,
  splitUnlock,
  tokensToPln,
  type AvaloError,
  type CumulativeSplit,
  type ErrorCode,
  type Money,
  type PackQuote,
  type RetryDecision,
  type RetryStrategy,
  type RevenueSplit,
  type RevenueStream,
  type WithdrawalQuote,
} from '@avalo/core';
import init, { Policy as WebPolicy, splitTip as webSplitTip, initSync } from '@avalo/core/web';

const policy: Policy = Policy.default();
const version: string = policy.version;
const fingerprint: string = policy.fingerprint;
const patched: Policy = Policy.fromPatch(JSON.stringify({ splits: { chat_creator_bp: 7000 } }));

const stream: RevenueStream = 'gated_content';
const split: RevenueSplit = splitRevenue(policy, 'chat', 101);
const creator: number = split.creator;
const sameRules: boolean = split.policy_fingerprint === fingerprint;
const unlock: RevenueSplit = splitUnlock(patched, stream, 'u1', 'c1', 50);

let state: CumulativeSplit | undefined;
const batch = splitCumulativeBatch(policy, 'chat', state, [1, 1, 1]);
state = batch.state;
const credited: number = batch.splits.reduce((sum, s) => sum + s.creator, 0);

const price: Money = tokensToPln(policy, 490);
const amount: string = price.amount;
const minor: string = minorUnits(parseMoney('12.3', 'PLN'));
const packs: PackQuote[] = listPacks(policy, 'GBP', '0.185');
const perToken: string = packs[0].price_per_token;

const quote: WithdrawalQuote = quoteWithdrawal(policy, {
  amount: 1000,
  available_balance: 5000,
  kyc_verified: true,
  method: 'bank_transfer',
  requested_at_ms: Date.now(),
});
const arrives: string = quote.latest_date;

const decision: RetryDecision = retryDelay(policy, 'SERVICE_DEGRADED', 1, 500_000);
if (decision.kind === 'retry_after') {
  const wait: number = decision.delay_ms; // narrowed by the discriminant
}

try {
  splitRevenue(policy, 'tip', Number.MAX_SAFE_INTEGER + 1);
} catch (e: unknown) {
  if (isAvaloError(e)) {
    const err: AvaloError = e; // narrowed by the type guard
    const code: ErrorCode = err.code;
    const reason: string = err.reason;
    const forUser: string = errorInfo(code).message;
    const retry: RetryStrategy = errorInfo(code).retry_strategy;
  }
}

// @ts-expect-error: not a revenue stream
splitRevenue(policy, 'gift', 1);
// @ts-expect-error: tokens are numbers, not strings
splitRevenue(policy, 'chat', '101');
// @ts-expect-error: money amounts are decimal strings
const wrongMoney: Money = { amount: 12.3, currency: 'PLN' };
// @ts-expect-error: not an error code
const wrongCode: ErrorCode = 'NOT_A_CODE';
// @ts-expect-error: the policy is read-only
policy.version = 'x';
// @ts-expect-error: a Policy comes from default / fromJson / fromPatch, not `new`
new Policy();

// Browsers and bundlers: initialise once, then call synchronously.
async function inBrowser(wasmUrl: URL): Promise<number> {
  await init({ module_or_path: wasmUrl });
  return webSplitTip(WebPolicy.default(), 'u1', 'c1', 50).creator;
}
function fromBytes(bytes: Uint8Array): void {
  initSync({ module: bytes });
}

patched.free();
export { version, creator, sameRules, unlock, credited, amount, minor, perToken, arrives, inBrowser, fromBytes, wrongMoney, wrongCode };

// Launch control, rollout, risk and flags (SPEC §7.1, §7.2, §7.4, §8).
import {
  checkSignup,
  checkCountryCap,
  evaluateFlags,
  flagBucket,
  regionRisk,
  type FlagDecision,
  type RegionRisk,
  type RiskLevel,
  type SignupDecision,
} from '@avalo/core';

const signup: SignupDecision = checkSignup(policy, {
  mode: 'closed_beta',
  birth_date: '1999-04-02',
  country: 'pl',
  invite_code: 'BETA-2026',
  invite: { code: 'BETA-2026', used_count: 3, max_uses: 10 },
  signups_today: { count: 12, updated_at_ms: Date.now() },
  now_ms: Date.now(),
});
const storeCounter: number = signup.signups_today.count;
const inviteUses: number | null = signup.invite_used_count;
const cap = checkCountryCap(policy, { phase: 'alpha', kind: 'payments', counter: { count: 0, updated_at_ms: 0 }, now_ms: Date.now() });
const capLeft: number | null = cap.remaining;
const risk: RegionRisk = regionRisk(policy, { support_tickets: 3, safety_incidents: 0, revenue_minor: 120_000, installs: 50, verified: 40 });
const level: RiskLevel = risk.level;
const bucket: number = flagBucket('new_onboarding', 'user-42');
const flags: FlagDecision[] = evaluateFlags(policy, { killed_groups: ['chat'], flags: [{ name: 'dark_mode', enabled: true, rollout_bp: 5000 }] }, { user_id: 'user-42', now_ms: Date.now() }).decisions;
// @ts-expect-error: not a launch mode
checkSignup(policy, { ...{ mode: 'beta' }, birth_date: '1999-04-02', country: 'PL', signups_today: { count: 0, updated_at_ms: 0 }, now_ms: 0 });
// @ts-expect-error: not a platform
const wrongPlatform: FlagDecision[] = evaluateFlags(policy, { flags: [] }, { user_id: 'u', now_ms: 0, platform: 'symbian' }).decisions;
export { storeCounter, inviteUses, capLeft, level, bucket, flags, wrongPlatform };

// Paid chat and anti-spam (SPEC §4).
import { billMessage, checkSpam, countWords, newChatMeter, type ChatMeter, type MessageCharge, type SpamVerdict } from '@avalo/core';
const words: number = countWords(policy, 'I ❤️ you');
const meter: ChatMeter = newChatMeter(false);
const charge: MessageCharge = billMessage(policy, meter, 'earner', 'hello there', false, 10);
const nextMeter: ChatMeter = charge.meter;
const verdict: SpamVerdict = checkSpam(policy, 'hello!', [{ text: 'hi', sent_at_ms: 0 }], 1000);
const spamCode: ErrorCode | null = verdict.code;
// @ts-expect-error: the sender is 'payer' or 'earner'
billMessage(policy, meter, 'creator', 'x', false, 10);
export { words, nextMeter, spamCode };
// Ranking (SPEC §5) and Royal Club (§7.3): a whole deck as typed-array columns in one call.
import { rankCandidateColumns, royalStatus, type CandidateColumns, type RankedPage, type RoyalTier, type Viewer } from '@avalo/core';
const viewer: Viewer = { user_id: 'v', interested_in: ['female'], age_min: 18, age_max: 40 };
const deck: CandidateColumns = {
  user_ids: 'a\nb',
  flags: new Uint8Array([3, 3]),
  photos: new Uint32Array([2, 5]),
  interests: new Uint32Array(2),
  loyalty_levels: new Uint32Array(2),
  reports: new Uint32Array(2),
  genders: new Uint8Array([1, 1]),
  birth_dates: new Uint32Array([19960510, 20000229]),
  latitudes: new Float64Array(2),
  longitudes: new Float64Array(2),
  response_rates: new Float64Array([0.5, 0.9]),
  last_active_ms: new Float64Array(2),
  boost_until_ms: new Float64Array(2),
};
const top: RankedPage = rankCandidateColumns(policy, viewer, deck, Date.now(), { size: 20 });
const firstDistance: number | null = top.results[0]?.distance_km ?? null;
const tier: RoyalTier = royalStatus(policy, [{ day: 20_000, tokens: 1_000 }], null, Date.now()).tier;
// @ts-expect-error: columns are typed arrays, not plain arrays
rankCandidateColumns(policy, viewer, { ...deck, photos: [2, 5] }, 0);
export { top, firstDistance, tier };

// Rate limiting: the state is a plain number, stored and passed back.
import { actionLimit, decide, failurePolicy, hashSubject, type LimitDecision, type FailurePolicy } from '@avalo/core';
const login = actionLimit(policy, 'login', 'free');
const first: LimitDecision = decide(login.rate, 0, Date.now(), 1);
const storedState: number = first.new_state;
const onOutage: FailurePolicy = failurePolicy(policy, 'payment');
const subjectKey: string = hashSubject('203.0.113.7');
// @ts-expect-error: tiers are the subscription tiers
actionLimit(policy, 'api', 'gold');
// @ts-expect-error: the state is a number, not a bigint
decide(login.rate, 0n, Date.now(), 1);
export { storedState, onOutage, subjectKey };

// Moderation (SPEC §14): verdicts, banned terms, the sanitiser.
import { escapeHtml, isLinkable, mediaVerdict, sanitiseText, screenText, type MediaVerdict, type ScreenedText, type TextField } from '@avalo/core';
const field: TextField = 'message';
const screened: ScreenedText = screenText(policy, field, '  hi\u200b there  ');
const clean: string = screened.text;
const mediaState: MediaVerdict = mediaVerdict(policy, 'feed_image', { nsfw: 0, toxicity: 0, sexual: 0 }, undefined, 'caption');
const safe: string = escapeHtml(sanitiseText(policy, 'bio', '<b>hi</b>'));
const linkable: boolean = isLinkable('https://avalo.app');
// @ts-expect-error: not a text field
screenText(policy, 'subject', 'x');
export { clean, mediaState, safe, linkable };

// A creator's own message rate (SPEC §16.2).
import { billCreatorMessage, previewCreatorMessage, setCreatorRate, type CreatorRate } from '@avalo/core';
const rate: CreatorRate = setCreatorRate(policy, undefined, 5);
const rateVersion: number = rate.rate_version ?? 0;
const shown: MessageCharge = previewCreatorMessage(policy, undefined, 'earner', 'hello there', false, rate);
const billed: MessageCharge = billCreatorMessage(policy, undefined, 'earner', 'hello there', false, rate, rateVersion, 10);
export { shown, billed };

// Signed policy envelopes, stale clients and the diff (SPEC §17).
import {
  activatePolicyEnvelope,
  checkClientPolicy,
  diffPolicies,
  keyringEntryForSeed,
  signPolicyEnvelope,
  type ClientPolicyVerdict,
  type KeyringEntry,
  type PolicyChange,
  type PolicyEnvelope,
} from '@avalo/core';
const seed = new Uint8Array(32);
const keyring: KeyringEntry[] = [keyringEntryForSeed(seed, 0, 2_000_000_000_000)];
const envelope: PolicyEnvelope = signPolicyEnvelope(seed, 1, 0, 2_000_000_000_000, policy.canonicalJson());
const signed: Policy = Policy.fromEnvelope(JSON.stringify(envelope), keyring, Date.now());
const serial: number = signed.serial;
const schema: number = signed.schema;
const next: Policy | undefined = activatePolicyEnvelope(signed, JSON.stringify(envelope), keyring, Date.now());
const clientVerdict: ClientPolicyVerdict = checkClientPolicy(
  { active_fingerprint: signed.fingerprint, active_serial: serial, previous_fingerprint: undefined, switched_at_ms: 0, grace_ms: 600_000 },
  fingerprint,
  Date.now(),
);
const changes: PolicyChange[] = diffPolicies(policy, patched);
// @ts-expect-error: seeds are bytes, not hex
keyringEntryForSeed('00', 0, 1);
export { schema, next, clientVerdict, changes };

// Admission (SPEC §13) and operations (SPEC §15).
import { admit, migrationPermission, triage, type Admission, type MigrationDecision, type Triage } from '@avalo/core';
const admission: Admission = admit(policy, {
  operation: 'signup',
  mode: 'global_launch',
  birth_date: '1990-05-15',
  country: 'PL',
  now_ms: Date.now(),
  mode_counter: { count: 0, updated_at_ms: 0 },
  country_counter: { count: 0, updated_at_ms: 0 },
  phase: 'public',
});
const admitted: boolean = admission.outcome === 'admitted';
const incident: Triage = triage(policy, { source: 'health', overall: 'down' }, Date.now());
const migration: MigrationDecision = migrationPermission({ environment: 'production', direction: 'up', current: '1.2.3', target: '1.3.0', dry_run: false, force: false });
// @ts-expect-error: not an environment
migrationPermission({ environment: 'qa', direction: 'up', current: '1.2.3', target: '1.3.0', dry_run: false, force: false });
export { admitted, incident, migration };

// The ledger (SPEC §12): the §12.5 host protocol on the core's in-memory reference host.
import { MemoryLedger, checkLedger, type Built, type LedgerReport } from '@avalo/core';
const book = new MemoryLedger();
const built: Built = book.append(policy, { kind: 'message_charge', chat_id: 'c1', message_id: 'm1', payer: 'u1', earner: 'cr1', tokens: 4, billed_tokens: 3, creator_tokens: 1 }, Date.now());
const replayed: boolean = built.replayed;
const audit: LedgerReport = checkLedger(policy, book.records(), undefined);
export { replayed, audit };
