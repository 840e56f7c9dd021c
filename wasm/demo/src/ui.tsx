// Shared building blocks: a panel frame with its policy stamp, labelled fields, a result
// list whose values carry `data-field` (what the browser tests read), the error box, and a
// Chart.js canvas.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Chart, type ChartConfiguration } from 'chart.js/auto';
import type { Failure, Outcome } from './core';
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
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
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
