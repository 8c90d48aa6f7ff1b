/** Page entry: builds the app and exposes a handle for the browser tests. */
import './styles.css';
import { App } from './app.js';

const app = new App(document.getElementById('app')!, location.search);
void app.boot().then(() => {
  (window as unknown as { __kubelab: unknown }).__kubelab = {
    app,
    lines: () => app.terminal.lines(),
    busy: () => app.repl.busy,
    input: (d: string) => app.repl.input(d),
    save: () => app.persist.flush(),
    extras: () => app.extras,
  };
});
