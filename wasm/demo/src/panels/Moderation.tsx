// Moderation (SPEC §14): stage scores → a media verdict (which thresholds were crossed, which
// stages are missing, banned terms in OCR text and caption); banned-terms screening with every
// matched span highlighted in the original text; a user text sanitised and screened for its
// field. Computed by mediaVerdict, screenTerms and screenText.
import { useMemo, useState, type ReactNode } from 'react';
import { mediaVerdict, screenTerms, screenText, type TermMatch, type TextField, type UploadPurpose } from '@avalo/core';
import { attempt, num, optText } from '../core';
import { usePolicy } from '../policy';
import { Field, Panel, Result, Select } from '../ui';

const PURPOSES: readonly UploadPurpose[] = ['profile_photo', 'feed_image', 'story_video', 'chat_image', 'chat_video', 'chat_audio', 'creator_content'];
const FIELDS: readonly TextField[] = ['message', 'bio', 'caption', 'display_name'];
const STAGES = ['nsfw', 'toxicity', 'sexual'] as const;

/** The original text with each match (UTF-16 span from the core) wrapped in a <mark>. */
export function Highlighted({ text, matches, testid }: { text: string; matches: readonly TermMatch[]; testid: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const sorted = [...matches].sort((a, b) => a.start_utf16 - b.start_utf16);
  sorted.forEach((m, k) => {
    const start = Math.max(at, m.start_utf16);
    if (start > at) parts.push(text.slice(at, start));
    if (m.end_utf16 > start) {
      parts.push(
        <mark key={k} className={`hit hit-${m.severity}`} title={`${m.term} · ${m.category} · ${m.severity}`} data-term={m.term}>
          {text.slice(start, m.end_utf16)}
        </mark>,
      );
    }
    at = Math.max(at, m.end_utf16);
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <p className="highlighted" data-testid={testid}>
      {parts}
    </p>
  );
}

function MatchTable({ matches }: { matches: readonly TermMatch[] }) {
  if (matches.length === 0) return <p className="hint">no banned term</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Category</th>
            <th scope="col">Severity</th>
            <th scope="col">Span (bytes)</th>
            <th scope="col">Span (UTF-16)</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m, k) => (
            <tr key={k}>
              <th scope="row" data-field="term">
                {m.term}
              </th>
              <td data-field="category">{m.category}</td>
              <td data-field="severity" className={m.severity === 'block' ? 'bad' : undefined}>
                {m.severity}
              </td>
              <td>
                <span data-field="start">{m.start}</span>–<span data-field="end">{m.end}</span>
              </td>
              <td>
                <span data-field="start_utf16">{m.start_utf16}</span>–<span data-field="end_utf16">{m.end_utf16}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ModerationPanel() {
  const { policy } = usePolicy();
  const [purpose, setPurpose] = useState<string>('feed_image');
  const [scores, setScores] = useState<Record<string, string>>({ nsfw: '1200', toxicity: '300', sexual: '' });
  const [ocr, setOcr] = useState('follow me on venmo');
  const [caption, setCaption] = useState('beach day');
  const verdict = useMemo(() => {
    if (!policy) return null;
    const s = Object.fromEntries(STAGES.filter((k) => (scores[k] ?? '').trim() !== '').map((k) => [k, num(scores[k])]));
    return attempt(() => mediaVerdict(policy, purpose as UploadPurpose, s, optText(ocr), optText(caption)));
  }, [policy, purpose, scores, ocr, caption]);

  const [text, setText] = useState('Nice to meet you! Pay me on venmo or cashapp, text me on telegram.');
  const screening = useMemo(() => (policy ? attempt(() => screenTerms(policy, text)) : null), [policy, text]);

  const [field, setField] = useState<string>('message');
  const [userText, setUserText] = useState('  hi\u200b there, add me on snap  ');
  const screened = useMemo(() => (policy ? attempt(() => screenText(policy, field as TextField, userText)) : null), [policy, field, userText]);

  return (
    <Panel
      id="moderation"
      title="Moderation"
      intro="Stage scores → verdict; banned terms found in a text, highlighted where they are; a user text sanitised and screened for its field."
      fingerprint={verdict?.ok ? verdict.value.policy_fingerprint : undefined}
    >
      <div className="cols">
        <fieldset>
          <legend>Media verdict</legend>
          <div className="fields">
            <Select label="Purpose" name="mod-purpose" value={purpose} onChange={setPurpose} options={PURPOSES} />
            {STAGES.map((k) => (
              <Field
                key={k}
                label={`${k} score (bp, empty = not run)`}
                name={`mod-${k}`}
                numeric
                value={scores[k] ?? ''}
                onChange={(v) => setScores({ ...scores, [k]: v })}
              />
            ))}
            <Field label="OCR text (empty = none)" name="mod-ocr" value={ocr} onChange={setOcr} wide />
            <Field label="Caption (empty = none)" name="mod-caption" value={caption} onChange={setCaption} wide />
          </div>
          <Result
            testid="mod-verdict"
            label="Media verdict"
            outcome={verdict}
            rows={(v) => [
              ['State', 'state', <span className={`state state-${v.state}`}>{v.state}</span>, v.state],
              ['Missing stages', 'missing', v.missing.join(', ') || '—', v.missing.join(',')],
              [
                'Thresholds crossed',
                'crossed',
                v.crossed.map((c) => `${c.stage} ${c.level} (${c.score_bp} ≥ ${c.threshold_bp} bp)`).join('; ') || '—',
                v.crossed.map((c) => `${c.stage}:${c.level}:${c.score_bp}:${c.threshold_bp}`).join(','),
              ],
              ['Terms in OCR', 'ocr_matches', v.ocr_matches.map((m) => m.term).join(', ') || '—', v.ocr_matches.map((m) => m.term).join(',')],
              ['Terms in caption', 'caption_matches', v.caption_matches.map((m) => m.term).join(', ') || '—', v.caption_matches.map((m) => m.term).join(',')],
            ]}
          />
        </fieldset>
        <fieldset>
          <legend>Banned-terms screening</legend>
          <div className="field wide">
            <label htmlFor="mod-text">Text to screen</label>
            <textarea id="mod-text" name="mod-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <Result
            testid="mod-screen"
            label="Screening"
            outcome={screening}
            rows={(s) => [
              ['Severity', 'severity', s.severity ?? 'clean', s.severity ?? ''],
              ['Matches', 'matches.length', s.matches.length],
            ]}
          >
            {(s) => (
              <>
                <Highlighted text={text} matches={s.matches} testid="mod-highlight" />
                <MatchTable matches={s.matches} />
              </>
            )}
          </Result>
        </fieldset>
      </div>
      <fieldset>
        <legend>A user text for its field: sanitised, then screened</legend>
        <div className="fields">
          <Select label="Field" name="mod-field" value={field} onChange={setField} options={FIELDS} />
          <Field label="User text" name="mod-user-text" value={userText} onChange={setUserText} wide />
        </div>
        <Result
          testid="mod-screened"
          label="Sanitised and screened"
          outcome={screened}
          rows={(s) => [
            ['Stored text', 'text', <code>{JSON.stringify(s.text)}</code>, s.text],
            ['Queued for review', 'review', s.review ? 'yes' : 'no', s.review],
            ['Matches', 'matches.length', s.matches.length],
          ]}
        >
          {(s) => <Highlighted text={s.text} matches={s.matches} testid="mod-screened-highlight" />}
        </Result>
      </fieldset>
    </Panel>
  );
}
