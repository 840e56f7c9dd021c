// Message price preview (SPEC §4): an earner's message → word count, tokens due on a given
// chat meter, the creator/platform split, and the anti-spam verdict, live as you type.
// Computed by countWords, previewMessage / billMessage and checkSpam.
import { useMemo, useState } from 'react';
import { billMessage, checkSpam, countWords, previewMessage, type ChatMeter, type RecentMessage, type Sender } from '@avalo/core';
import { attempt, num, utc, type Outcome } from '../core';
import { usePolicy } from '../policy';
import { Check, Field, Panel, Result, Select } from '../ui';

const SENDERS: readonly Sender[] = ['earner', 'payer'];
const AFTER_FREE: ChatMeter = { payer_messages: 2, earner_messages: 2, billed_words: 0, billed_tokens: 0, creator_tokens: 0, royal: false };

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
  const [meterText, setMeterText] = useState(JSON.stringify(AFTER_FREE));
  const [balance, setBalance] = useState('');
  const [recentText, setRecentText] = useState('[]');
  const [now, setNow] = useState('1795176000000');

  const words = useMemo(() => (policy ? attempt(() => ({ words: countWords(policy, text) })) : null), [policy, text]);
  const charge = useMemo(() => {
    if (!policy) return null;
    const meter = parseJson<ChatMeter>(meterText, 'chat meter');
    if (!meter.ok) return meter;
    return attempt(() =>
      balance.trim() === ''
        ? previewMessage(policy, meter.value, sender as Sender, text, royal)
        : billMessage(policy, meter.value, sender as Sender, text, royal, num(balance)),
    );
  }, [policy, meterText, sender, text, royal, balance]);
  const spam = useMemo(() => {
    if (!policy) return null;
    const recent = parseJson<RecentMessage[]>(recentText, 'recent messages');
    if (!recent.ok) return recent;
    return attempt(() => checkSpam(policy, text, recent.value ?? [], num(now)));
  }, [policy, text, recentText, now]);

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
          <div className="field wide">
            <label htmlFor="msg-meter">Chat meter before the message (JSON; empty = new chat)</label>
            <textarea id="msg-meter" name="msg-meter" rows={3} spellCheck={false} value={meterText} onChange={(e) => setMeterText(e.target.value)} />
          </div>
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
              <button type="button" onClick={() => setMeterText(JSON.stringify(c.meter))}>
                Send: continue from the meter after
              </button>
            )}
          </Result>
        </fieldset>
        <fieldset>
          <legend>Anti-spam</legend>
          <div className="fields">
            <Field label="Now (ms since epoch)" name="msg-now" numeric value={now} onChange={setNow} hint={utc(num(now))} />
          </div>
          <div className="field wide">
            <label htmlFor="msg-recent">Sender's recent messages (JSON: [{'{'}"text", "sent_at_ms"{'}'}])</label>
            <textarea id="msg-recent" name="msg-recent" rows={3} spellCheck={false} value={recentText} onChange={(e) => setRecentText(e.target.value)} />
          </div>
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
