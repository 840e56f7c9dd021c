// Message price preview (SPEC §4): an earner's message → word count, tokens due on a given
// chat meter, the creator/platform split, and the anti-spam verdict, live as you type.
// Computed by countWords, previewMessage / billMessage and checkSpam.
import { useMemo, useState } from 'react';
import { billMessage, checkSpam, countWords, previewMessage, type ChatMeter, type RecentMessage, type Sender } from '@avalo/core';
import { attempt, num, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { Check, DateTime, ErrorBox, Field, JsonIO, msFromUtc, Panel, Result, Select, utcText } from '../ui';

const SENDERS: readonly Sender[] = ['earner', 'payer'];
const AFTER_FREE: ChatMeter = { payer_messages: 2, earner_messages: 2, billed_words: 0, billed_tokens: 0, creator_tokens: 0, royal: false };
const METER_FIELDS = [
  ['payer_messages', 'Payer messages so far'],
  ['earner_messages', 'Earner messages so far'],
  ['billed_words', 'Billed words so far'],
  ['billed_tokens', 'Billed tokens so far'],
  ['creator_tokens', 'Creator tokens so far'],
] as const;
type MeterKey = (typeof METER_FIELDS)[number][0];
type MeterForm = Record<MeterKey, string> & { royal: boolean };
const meterForm = (m: ChatMeter): MeterForm => ({
  payer_messages: String(m.payer_messages),
  earner_messages: String(m.earner_messages),
  billed_words: String(m.billed_words),
  billed_tokens: String(m.billed_tokens),
  creator_tokens: String(m.creator_tokens),
  royal: Boolean(m.royal),
});
const meterOf = (f: MeterForm): ChatMeter => ({
  payer_messages: num(f.payer_messages),
  earner_messages: num(f.earner_messages),
  billed_words: num(f.billed_words),
  billed_tokens: num(f.billed_tokens),
  creator_tokens: num(f.creator_tokens),
  royal: f.royal,
});
interface RecentRow {
  text: string;
  at: string;
}

/** JSON text → a value, or the page's own refusal (code INVALID_JSON) when it does not parse. */
function parseJson<T>(text: string, what: string): Outcome<T | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as T };
  } catch (e) {
    return { ok: false, error: { code: 'INVALID_JSON', reason: `${what}: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

export function MessagePanel() {
  const { policy } = usePolicy();
  const [text, setText] = useState('Thank you for the lovely message, I would love to hear more about your trip to Kraków!');
  const [sender, setSender] = useState<string>('earner');
  const [royal, setRoyal] = useState(false);
  const [newChat, setNewChat] = useState(false);
  const [meter, setMeter] = useState<MeterForm>(meterForm(AFTER_FREE));
  const [meterImport, setMeterImport] = useState<Outcome<unknown> | null>(null);
  const [balance, setBalance] = useState('');
  const [recent, setRecent] = useState<RecentRow[]>([]);
  const [recentImport, setRecentImport] = useState<Outcome<unknown> | null>(null);
  const [now, setNow] = useState('2026-11-20T12:00');
  const recentJson = JSON.stringify(recent.map((r) => ({ text: r.text, sent_at_ms: msFromUtc(r.at) })), null, 1);
  const importMeter = (text: string) => {
    const parsed = parseJson<ChatMeter | null>(text, 'chat meter');
    setMeterImport(parsed);
    if (!parsed.ok) return;
    if (parsed.value === undefined || parsed.value === null) setNewChat(true);
    else {
      setNewChat(false);
      setMeter(meterForm(parsed.value));
    }
  };
  const importRecent = (text: string) => {
    const parsed = parseJson<RecentMessage[]>(text, 'recent messages');
    setRecentImport(parsed);
    if (parsed.ok) setRecent((parsed.value ?? []).map((m) => ({ text: m.text, at: utcText(m.sent_at_ms) })));
  };

  const words = useMemo(() => (policy ? attempt(() => ({ words: countWords(policy, text) })) : null), [policy, text]);
  const charge = useMemo(() => {
    if (!policy) return null;
    if (meterImport && !meterImport.ok) return meterImport;
    const m = newChat ? undefined : meterOf(meter);
    return attempt(() =>
      balance.trim() === ''
        ? previewMessage(policy, m, sender as Sender, text, royal)
        : billMessage(policy, m, sender as Sender, text, royal, num(balance)),
    );
  }, [policy, meter, newChat, meterImport, sender, text, royal, balance]);
  const spam = useMemo(() => {
    if (!policy) return null;
    if (recentImport && !recentImport.ok) return recentImport;
    const list: RecentMessage[] = recent.map((r) => ({ text: r.text, sent_at_ms: msFromUtc(r.at) }));
    return attempt(() => checkSpam(policy, text, list, msFromUtc(now)));
  }, [policy, text, recent, recentImport, now]);

  return (
    <Panel
      id="message"
      title="Message price preview"
      intro="Type an earner's message: words, tokens due on the chat meter, the split and the anti-spam verdict update as you type."
      fingerprint={charge?.ok ? charge.value.policy_fingerprint : undefined}
    >
      <div className="field wide">
        <label htmlFor="msg-text">Message</label>
        <textarea id="msg-text" name="msg-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="cols">
        <fieldset>
          <legend>Chat</legend>
          <div className="fields">
            <Select label="Sender" name="msg-sender" value={sender} onChange={setSender} options={SENDERS} />
            <Field label="Payer balance (empty = preview only)" name="msg-balance" numeric value={balance} onChange={setBalance} />
            <Check label="Earner is Royal Club" name="msg-royal" checked={royal} onChange={setRoyal} />
          </div>
          <fieldset>
            <legend>Chat meter before the message</legend>
            <div className="fields">
              <Check
                label="New chat (no meter yet)"
                name="msg-new-chat"
                checked={newChat}
                onChange={(v) => {
                  setMeterImport(null);
                  setNewChat(v);
                }}
              />
            </div>
            {!newChat && (
              <div className="fields">
                {METER_FIELDS.map(([k, label]) => (
                  <Field key={k} label={label} name={`meter-${k}`} numeric value={meter[k]} onChange={(v) => {
                      setMeterImport(null);
                      setMeter({ ...meter, [k]: v });
                    }} />
                ))}
                <Check label="Meter is at the Royal rate" name="meter-royal" checked={meter.royal} onChange={(v) => setMeter({ ...meter, royal: v })} />
              </div>
            )}
            <JsonIO
              name="msg-meter"
              label="Chat meter"
              fileName="chat-meter.json"
              rows={3}
              text={newChat ? '' : JSON.stringify(meterOf(meter))}
              onText={importMeter}
            />
            {meterImport && !meterImport.ok && <ErrorBox error={meterImport.error} />}
          </fieldset>
          <Result testid="words-result" label="Word count" outcome={words} rows={(w) => [['Word count', 'words', w.words]]} />
          <Result
            testid="charge-result"
            label="Charge"
            outcome={charge}
            rows={(c) => [
              ['Words', 'words', c.words],
              ['Free message', 'free', c.free ? 'yes' : 'no', c.free],
              ['Billed', 'billed', c.billed ? 'yes' : 'no', c.billed],
              ['Words billed', 'billed_words', c.billed_words],
              ['Tokens due', 'tokens_due', c.tokens_due],
              ['Creator', 'creator', c.creator],
              ['Platform', 'platform', c.platform],
              ['Words per token', 'words_per_token', c.words_per_token],
              ['Re-based', 'rebased', c.rebased ? 'yes' : 'no', c.rebased],
              ['Meter: earner msgs', 'meter.earner_messages', c.meter.earner_messages],
              ['Meter: payer msgs', 'meter.payer_messages', c.meter.payer_messages],
              ['Meter: words', 'meter.billed_words', c.meter.billed_words],
              ['Meter: tokens', 'meter.billed_tokens', c.meter.billed_tokens],
              ['Meter: creator', 'meter.creator_tokens', c.meter.creator_tokens],
              ['Meter: Royal', 'meter.royal', c.meter.royal ? 'yes' : 'no', c.meter.royal],
            ]}
          >
            {(c) => (
              <button
                type="button"
                onClick={() => {
                  setNewChat(false);
                  setMeterImport(null);
                  setMeter(meterForm(c.meter));
                }}
              >
                Send: continue from the meter after
              </button>
            )}
          </Result>
        </fieldset>
        <fieldset>
          <legend>Anti-spam</legend>
          <div className="fields">
            <DateTime label="Now" name="msg-now" value={now} onChange={setNow} />
          </div>
          <fieldset data-testid="msg-recent-rows">
            <legend>Sender's recent messages ({recent.length})</legend>
            {recent.map((r, k) => (
              <div className="fields" key={k}>
                <Field label={`Message ${k + 1}`} name={`recent-${k}-text`} value={r.text} onChange={(v) => {
                    setRecentImport(null);
                    setRecent(recent.map((x, j) => (j === k ? { ...x, text: v } : x)));
                  }} />
                <DateTime label={`Sent at ${k + 1}`} name={`recent-${k}-at`} value={r.at} onChange={(v) => setRecent(recent.map((x, j) => (j === k ? { ...x, at: v } : x)))} />
                <div className="field">
                  <span className="label-space" aria-hidden="true">
                    &nbsp;
                  </span>
                  <button type="button" aria-label={`Remove message ${k + 1}`} onClick={() => setRecent(recent.filter((_, j) => j !== k))}>
                    Remove
                  </button>
                </div>
              </div>
            ))}
            <button type="button" data-testid="recent-add" onClick={() => setRecent((old) => [...old, { text: '', at: now }])}>
              Add a recent message
            </button>
            <JsonIO name="msg-recent" label="Recent messages" fileName="recent-messages.json" rows={3} text={recentJson} onText={importRecent} />
            {recentImport && !recentImport.ok && <ErrorBox error={recentImport.error} />}
          </fieldset>
          <Result
            testid="spam-result"
            label="Spam verdict"
            outcome={spam}
            rows={(v) => [
              ['Verdict', 'allowed', v.allowed ? 'allowed' : 'refused', v.allowed],
              ['Rule', 'rule', v.rule ?? '—', v.rule ?? ''],
              ['Code', 'code', v.code ?? '—', v.code ?? ''],
              ['Reason', 'reason', v.reason || '—', v.reason],
            ]}
          />
        </fieldset>
      </div>
    </Panel>
  );
}
