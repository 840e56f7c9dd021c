// The console: the policy bar (built-in policy or a merge patch) and the panels. Each panel
// is computed only by @avalo/core.
import { Component, useMemo, useState, type ReactNode } from 'react';
import { attempt, Policy } from './core';
import { PolicyContext, type PolicyState } from './policy';
import { PANELS } from './panels';
import { ErrorBox } from './ui';

/** Keeps one panel's unexpected render failure inside that panel. */
class Boundary extends Component<{ name: string; children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error) {
      return (
        <section className="panel">
          <h2>{this.props.name}</h2>
          <ErrorBox error={{ code: 'UNEXPECTED', reason: this.state.error.message }} />
        </section>
      );
    }
    return this.props.children;
  }
}

function PolicyBar({ state, onApply }: { state: PolicyState; onApply: (patch: string) => void }) {
  const [draft, setDraft] = useState(state.patch);
  return (
    <section className="policy-bar" aria-labelledby="policy-title" data-testid="policy-bar">
      <h2 id="policy-title">Policy</h2>
      {state.policy ? (
        <p data-testid="policy-current">
          version <strong data-field="version">{state.policy.version}</strong> · fingerprint{' '}
          <code data-field="fingerprint">{state.policy.fingerprint}</code> · {state.patch ? 'built-in + patch' : 'built-in (SPEC defaults)'}
        </p>
      ) : (
        <div data-testid="policy-current">
          <ErrorBox error={state.error ?? { code: 'UNEXPECTED', reason: 'no policy' }} />
        </div>
      )}
      <details open={state.patch !== ''}>
        <summary>Patch the policy (JSON merge patch)</summary>
        <label htmlFor="policy-patch">Merge patch applied to the built-in policy (empty = built-in)</label>
        <textarea
          id="policy-patch"
          name="policy-patch"
          rows={3}
          spellCheck={false}
          placeholder='{"splits": {"chat_creator_bp": 7000}}'
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div className="buttons">
          <button type="button" onClick={() => onApply(draft)} data-testid="policy-apply">
            Apply patch
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft('');
              onApply('');
            }}
          >
            Built-in policy
          </button>
        </div>
      </details>
    </section>
  );
}

function load(patch: string): PolicyState {
  const outcome = attempt(() => (patch.trim() === '' ? Policy.default() : Policy.fromPatch(patch)));
  return outcome.ok ? { policy: outcome.value, error: null, patch } : { policy: null, error: outcome.error, patch };
}

export function App() {
  const [patch, setPatch] = useState('');
  const state = useMemo(() => load(patch), [patch]);
  return (
    <PolicyContext.Provider value={state}>
      <a className="skip" href="#main">
        Skip to the panels
      </a>
      <header className="top">
        <h1>Avalo admin console</h1>
        <p>Every number on this page is computed by <code>@avalo/core</code> (WebAssembly), the same rules as the server and the apps.</p>
        <nav aria-label="Panels">
          <ul>
            {PANELS.map((p) => (
              <li key={p.id}>
                <a href={`#${p.id}`}>{p.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        <PolicyBar state={state} onApply={setPatch} />
        {PANELS.map(({ id, title, Panel }) => (
          <Boundary key={id} name={title}>
            <Panel />
          </Boundary>
        ))}
      </main>
    </PolicyContext.Provider>
  );
}
