import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ready } from './core';
import { App } from './App';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
ready.then(
  () => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    document.body.dataset.ready = 'true';
  },
  (e: unknown) => {
    // The .wasm did not load: say so on the page instead of leaving it blank.
    const reason = e instanceof Error ? e.message : String(e);
    root.render(
      <div className="error" role="alert">
        <code>WASM_LOAD_FAILED</code> {reason}
      </div>,
    );
  },
);
