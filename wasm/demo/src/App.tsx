// The console: the policy bar (built-in policy or a merge patch) and the panels. Each panel
// is computed only by @avalo/core.
import { Component, useMemo, useState, type ReactNode } from 'react';
import { attempt, Policy } from './core';
import { PolicyContext, type PolicyState } from './policy';
import { PANELS } from './panels';
import { ErrorBox } from './ui';
import { EnvelopeCheck, PolicyDiff } from './PolicyExtras';

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

/** Where the active policy came from. */
export type PolicySource = { kind: 'patch'; text: string } | { kind: 'json'; text: string; name: string } | { kind: 'policy'; policy: Policy; name: string };

function PolicyWorkspace({ state, onApply }: { state: PolicyState; onApply: (source: PolicySource) => void }) {
  const [draft, setDraft] = useState(state.patch);
  const [json, setJson] = useState('');
  const [jsonName, setJsonName] = useState('edited policy');
  const problems = useMemo(() => (json.trim() === '' ? null : attempt(() => Policy.problemsInJson(json))), [json]);
  const ready = problems?.ok && problems.value.length === 0;
  const patchDraft = useMemo(() => (draft.trim() === '' ? attempt(() => Policy.default()) : attempt(() => Policy.fromPatch(draft))), [draft]);
  const jsonDraft = useMemo(() => (ready ? attempt(() => Policy.fromJson(json)) : null), [ready, json]);
  return (
    <section className="policy-bar" aria-labelledby="policy-title" data-testid="policy-bar">
      <div className="policy-current">
        <h2 id="policy-title">Policy</h2>
        {state.policy ? (
          <p data-testid="policy-current">
            version <strong data-field="version">{state.policy.version}</strong> · fingerprint{' '}
            <code data-field="fingerprint">{state.policy.fingerprint}</code> · <span data-field="source">{state.source}</span>
          </p>
        ) : (
          <div data-testid="policy-current">
            <ErrorBox error={state.error ?? { code: 'UNEXPECTED', reason: 'no policy' }} />
          </div>
        )}
      </div>
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
        <PolicyDiff active={state.policy} draft={patchDraft} testid="patch-diff" />
        <div className="buttons">
          <button type="button" onClick={() => onApply({ kind: 'patch', text: draft })} data-testid="policy-apply">
            Apply patch
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft('');
              onApply({ kind: 'patch', text: '' });
            }}
          >
            Built-in policy
          </button>
        </div>
      </details>
      <details>
        <summary>Edit the whole policy (JSON, checked at every keystroke)</summary>
        <div className="buttons">
          <button
            type="button"
            data-testid="policy-json-start"
            disabled={!state.policy}
            onClick={() => {
              if (!state.policy) return;
              setJson(JSON.stringify(JSON.parse(state.policy.canonicalJson()), null, 1));
              setJsonName('edited policy');
            }}
          >
            Start from the active policy
          </button>
          <label htmlFor="policy-file" className="file-label">
            or load a policy file
          </label>
          <input
            id="policy-file"
            name="policy-file"
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              setJson(await f.text());
              setJsonName(f.name);
            }}
          />
        </div>
        <label htmlFor="policy-json">Policy JSON</label>
        <textarea id="policy-json" name="policy-json" rows={10} spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} />
        <div data-testid="policy-problems" data-state={problems === null ? 'empty' : problems.ok ? (problems.value.length ? 'problems' : 'ok') : 'error'}>
          {problems === null ? null : !problems.ok ? (
            <ErrorBox error={problems.error} />
          ) : problems.value.length === 0 ? (
            <p className="ok">No problem: this policy can be applied.</p>
          ) : (
            <ul className="problems" aria-label="Problems in the policy JSON">
              {problems.value.map((p, k) => (
                <li key={k}>
                  <code data-field="path">{p.path}</code>: <span data-field="problem">{p.problem}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <PolicyDiff active={state.policy} draft={jsonDraft} testid="json-diff" />
        <button type="button" data-testid="policy-apply-json" disabled={!ready} onClick={() => onApply({ kind: 'json', text: json, name: jsonName })}>
          Apply this policy
        </button>
      </details>
      <details>
        <summary>Verify a signed policy envelope</summary>
        <EnvelopeCheck active={state.policy} onApply={(policy, name) => onApply({ kind: 'policy', policy, name })} />
      </details>
    </section>
  );
}

function load(source: PolicySource): PolicyState {
  if (source.kind === 'policy') return { policy: source.policy, error: null, patch: '', source: source.name };
  if (source.kind === 'json') {
    const outcome = attempt(() => Policy.fromJson(source.text));
    return outcome.ok
      ? { policy: outcome.value, error: null, patch: '', source: source.name }
      : { policy: null, error: outcome.error, patch: '', source: source.name };
  }
  const patch = source.text;
  const outcome = attempt(() => (patch.trim() === '' ? Policy.default() : Policy.fromPatch(patch)));
  const label = patch.trim() === '' ? 'built-in (SPEC defaults)' : 'built-in + patch';
  return outcome.ok ? { policy: outcome.value, error: null, patch, source: label } : { policy: null, error: outcome.error, patch, source: label };
}

export function App() {
  const [source, setSource] = useState<PolicySource>({ kind: 'patch', text: '' });
  const state = useMemo(() => load(source), [source]);
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
        <PolicyWorkspace state={state} onApply={setSource} />
        {PANELS.map(({ id, title, Panel }) => (
          <Boundary key={id} name={title}>
            <Panel />
          </Boundary>
        ))}
      </main>
    </PolicyContext.Provider>
  );
}
