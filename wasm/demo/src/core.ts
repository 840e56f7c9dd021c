// The one place the page touches @avalo/core's loading and errors. Every number the console
// shows comes from a call into the WebAssembly module; this file only converts form text
// into call arguments and turns thrown errors into something a panel can display.
import init, { errorInfo, isAvaloError, Policy } from '@avalo/core';

export { Policy };

/** Loads the .wasm once (the package's default export). */
export const ready: Promise<unknown> = init();

/** A refusal as the panels show it. */
export interface Failure {
  code: string;
  reason: string;
  /** The user-facing message of the code (`errorInfo(code).message`), when the code is known. */
  message?: string;
}

/** The outcome of one call into the core. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** Turns anything thrown into a `Failure` (AvaloError keeps its code and reason). */
export function failure(e: unknown): Failure {
  if (isAvaloError(e)) {
    let message: string | undefined;
    try {
      message = errorInfo(e.code).message;
    } catch {
      message = undefined;
    }
    return { code: e.code, reason: e.reason, message };
  }
  const reason = e instanceof Error ? e.message : String(e);
  return { code: 'UNEXPECTED', reason };
}

/** Runs one call into the core; never throws. */
export function attempt<T>(call: () => T): Outcome<T> {
  try {
    return { ok: true, value: call() };
  } catch (e) {
    return { ok: false, error: failure(e) };
  }
}

/**
 * Form text → the `number` the core expects. No validation here: empty text becomes NaN and
 * anything else goes through `Number()`, so the core itself refuses non-integers, negatives
 * and values above 2^53 − 1 with `INVALID_INPUT`.
 */
export function num(text: string): number {
  const t = text.trim();
  return t === '' ? Number.NaN : Number(t);
}

/** Optional form text → `undefined` when empty (an optional core argument). */
export function optText(text: string): string | undefined {
  const t = text.trim();
  return t === '' ? undefined : t;
}

/** `ms` since the epoch shown as an ISO date-time (display only; '—' when not a date). */
export function utc(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '—' : d.toISOString();
}
