/** Page entry: builds the app, plugs in lessons and the editor, exposes a handle for the browser tests. */
import './styles.css';
import { App } from './app.js';
import { EditorHost } from './editor-host.js';
import { installLessons, lessonSetup } from './lessons/index.js';
import { parseParams } from './params.js';

let app: App;
const editor = new EditorHost(() => app);
app = new App(document.getElementById('app')!, location.search, {
  openEditor: (path, io) => editor.openEditor(path, io),
  setup: lessonSetup(parseParams(location.search).lang),
});
const lessonsReady = installLessons(app);
void app.boot().then(() => {
  editor.wire();
  app.extras = Promise.all([app.extras, lessonsReady]).then(() => undefined);
  (window as unknown as { __kubelab: unknown }).__kubelab = {
    app,
    editor,
    lines: () => app.terminal.lines(),
    busy: () => app.repl.busy,
    input: (d: string) => app.repl.input(d),
    save: () => app.persist.flush(),
    extras: () => app.extras,
  };
});
