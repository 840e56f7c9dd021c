// Shared building blocks: a panel frame with its policy stamp, labelled fields, a result
// list whose values carry `data-field` (what the browser tests read), the error box, and a
// Chart.js canvas.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Chart, type ChartConfiguration } from 'chart.js/auto';
import { currencyInfo, minorUnits, parseMoney } from '@avalo/core';
import { attempt, type Failure, type Outcome } from './core';
import { usePolicy } from './policy';

/** A panel: heading, the policy it computes with, and its content. */
export function Panel(props: { id: string; title: string; intro: string; fingerprint?: string; children: ReactNode }) {
  return (
    <section className="panel" id={props.id} aria-labelledby={`${props.id}-title`} data-testid={`panel-${props.id}`}>
      <header>
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <PolicyStamp fingerprint={props.fingerprint} />
      </header>
      <p className="intro">{props.intro}</p>
      {props.children}
    </section>
  );
}

/**
 * The policy version and fingerprint a panel computed with. `fingerprint` is the one a
 * result carries (`policy_fingerprint`), when the panel has one; else the policy's own.
 */
export function PolicyStamp({ fingerprint }: { fingerprint?: string }) {
  const { policy, error } = usePolicy();
  if (!policy) {
    return (
      <p className="stamp stamp-bad" data-testid="policy-stamp">
        policy refused: <code>{error?.code}</code>
      </p>
    );
  }
  const fp = fingerprint ?? policy.fingerprint;
  return (
    <p className="stamp" data-testid="policy-stamp">
      policy <strong data-field="policy.version">{policy.version}</strong> · fingerprint{' '}
      <code data-field="policy.fingerprint" title={fp}>
        {fp}
      </code>
    </p>
  );
}

/** A labelled text input (numbers are typed as text: the core, not the browser, validates). */
export function Field(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  name: string;
  hint?: string;
  numeric?: boolean;
  wide?: boolean;
}) {
  const id = useId();
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="text"
        inputMode={props.numeric ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      {props.hint && (
        <small id={`${id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/** A labelled select. */
export function Select(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  name: string;
  options: readonly string[];
  /** Shown instead of the values, when given (same order). */
  labels?: readonly string[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o, k) => (
          <option key={o} value={o}>
            {props.labels?.[k] ?? o}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox. */
export function Check(props: { label: string; checked: boolean; onChange: (v: boolean) => void; name: string }) {
  const id = useId();
  return (
    <div className="field check">
      <input id={id} name={props.name} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** The refusal box: the code (SPEC §11), the reason, and the user-facing message. */
export function ErrorBox({ error }: { error: Failure }) {
  return (
    <div className="error" role="alert">
      <code data-field="error.code">{error.code}</code> <span data-field="error.reason">{error.reason}</span>
      {error.message && <div className="error-message">{error.message}</div>}
    </div>
  );
}

/** One displayed value: a label and the value, addressable by the tests as `data-field`. */
export type Row = [label: string, field: string, value: ReactNode, raw?: string | number | boolean];

/**
 * A result block: the rows when the call succeeded, the error box when it was refused (or
 * when there is no policy). `testid` names the block for the tests.
 */
export function Result<T>(props: {
  testid: string;
  label: string;
  outcome: Outcome<T> | null;
  rows: (value: T) => Row[];
  children?: (value: T) => ReactNode;
}) {
  const { policy, error } = usePolicy();
  const outcome: Outcome<T> | null = policy ? props.outcome : { ok: false, error: error ?? { code: 'UNEXPECTED', reason: 'no policy' } };
  const state = outcome === null ? 'empty' : outcome.ok ? 'ok' : 'error';
  return (
    <div className="result" data-testid={props.testid} data-state={state} aria-live="polite" aria-label={props.label}>
      {outcome === null ? null : outcome.ok ? (
        <>
          <dl>
            {props.rows(outcome.value).map(([label, field, value, raw]) => (
              <div key={field} className="row">
                <dt>{label}</dt>
                <dd data-field={field} data-value={raw === undefined ? undefined : String(raw)}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          {props.children?.(outcome.value)}
        </>
      ) : (
        <ErrorBox error={outcome.error} />
      )}
    </div>
  );
}

/** A Chart.js chart on a canvas; re-drawn when `config` changes. */
export function ChartCanvas({ config, label, testid }: { config: ChartConfiguration; label: string; testid?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, {
      ...config,
      options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);
  return (
    <div className="chart" data-testid={testid}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

/**
 * A date-time picker in UTC (`<input type="datetime-local">` read as UTC, to the
 * millisecond), with the same instant in the browser's local time beside it. `value` is the
 * picker's text ('' = not set); `msFromUtc` turns it into the core's milliseconds.
 */
export function DateTime(props: { label: string; value: string; onChange: (v: string) => void; name: string; hint?: string }) {
  const id = useId();
  const ms = msFromUtc(props.value);
  const local = Number.isNaN(ms)
    ? props.value.trim() === ''
      ? 'not set'
      : 'not a date'
    : `local: ${new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })} · ${ms} ms`;
  return (
    <div className="field datetime">
      <label htmlFor={id}>{props.label} (UTC)</label>
      <input
        id={id}
        name={props.name}
        type="datetime-local"
        step="0.001"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={`${id}-local`}
      />
      <small id={`${id}-local`} className="hint" data-testid={`${props.name}-local`}>
        {props.hint ? `${props.hint} · ` : ''}
        {local}
      </small>
    </div>
  );
}

/** The picker's UTC text → milliseconds since the epoch (NaN when empty or not a date). */
export function msFromUtc(text: string): number {
  const t = text.trim();
  if (t === '') return Number.NaN;
  return Date.parse(/[zZ]$|[+-]\d\d:\d\d$/.test(t) ? t : `${t}Z`);
}

/** Milliseconds → the picker's UTC text (the shortest form Chromium keeps: minutes, seconds or ms). */
export function utcText(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString(); // 2026-11-20T12:00:00.000Z
  if (ms % 60000 === 0) return iso.slice(0, 16);
  if (ms % 1000 === 0) return iso.slice(0, 19);
  return iso.slice(0, 23);
}

/** A typed text field with suggestions (a combobox): the core, not the list, decides what is valid. */
export function Suggest(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  name: string;
  options: readonly string[];
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="text"
        list={`${id}-list`}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <datalist id={`${id}-list`}>
        {props.options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {props.hint && (
        <small id={`${id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/**
 * JSON import/export for bulk data: the text (paste), a file to load, and a download of the
 * current text. `onText` receives pasted or loaded text; the panel's form edits rewrite it.
 */
export function JsonIO(props: {
  name: string;
  label: string;
  text: string;
  onText: (v: string) => void;
  fileName: string;
  accept?: string;
  rows?: number;
  open?: boolean;
  note?: (text: string, file: string) => void;
}) {
  // The text being typed or loaded; follows the form whenever the form changes.
  const [draft, setDraft] = useState(props.text);
  useEffect(() => setDraft(props.text), [props.text]);
  const take = (v: string) => {
    setDraft(v);
    props.onText(v);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([draft], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = props.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <details className="json-io" open={props.open}>
      <summary>{props.label}: import / export as JSON</summary>
      <label htmlFor={props.name}>{props.label} (JSON; paste, or load a file)</label>
      <textarea id={props.name} name={props.name} rows={props.rows ?? 6} spellCheck={false} value={draft} onChange={(e) => take(e.target.value)} />
      <div className="buttons">
        <label htmlFor={`${props.name}-file`} className="file-label">
          Load a file
        </label>
        <input
          id={`${props.name}-file`}
          name={`${props.name}-file`}
          type="file"
          accept={props.accept ?? 'application/json,.json'}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            const text = await f.text();
            take(text);
            props.note?.(text, f.name);
          }}
        />
        <button type="button" onClick={download}>
          Export JSON
        </button>
      </div>
    </details>
  );
}

/**
 * A money amount typed in the currency's own units ("6400.00"), with the currency's number of
 * decimals shown; the core (`parseMoney`) refuses too many decimals or a malformed amount.
 */
export function MoneyField(props: { label: string; value: string; onChange: (v: string) => void; name: string; currency: string }) {
  const id = useId();
  const info = attempt(() => currencyInfo(props.currency));
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label} ({props.currency})
      </label>
      <input
        id={id}
        name={props.name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <small id={`${id}-hint`} className="hint">
        {info.ok ? `${info.value.minor_digits} decimals, e.g. ${(1234).toFixed(info.value.minor_digits)}` : info.error.code}
      </small>
    </div>
  );
}

/** A typed amount in `currency` → integer minor units, computed by the core (parseMoney, minorUnits). */
export function toMinor(amount: string, currency: string): number {
  return Number(minorUnits(parseMoney(amount.trim(), currency)));
}
