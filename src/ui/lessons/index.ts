/**
 * Plugs lessons into the page. This part is in the first download and stays tiny: the lesson
 * engine, the YAML parser and the markdown renderer come in a chunk loaded after the prompt
 * (or before the simulator, when the URL names a lesson).
 */
import type { App, FreshSetup } from '../app.js';
import { LessonCommandSession } from './commands.js';

type ControllerModule = typeof import('./controller.js');
let mod: Promise<ControllerModule> | undefined;
const load = (): Promise<ControllerModule> => (mod ??= import('./controller.js'));
let loaded: ControllerModule | undefined;
const allIds = (): string[] => loaded?.allLessonIds() ?? [];

/** App's `setup` option: a lesson's files, profile, seed and start time. */
export function lessonSetup(lang: string): (lesson: string | undefined) => Promise<FreshSetup> {
  return async (lesson) => (lesson ? (await load()).lessonSetup(lesson, lang) : {});
}

/** Call before app.boot(). Resolves when the lesson list has loaded (after the simulator). */
export function installLessons(app: App): Promise<void> {
  const controller = () => load().then((m) => { loaded = m; return m.lessonController(app); });
  app.wrapSession = (s) => new LessonCommandSession(s, async (argv, out) => (await controller()).command(argv, out),
    () => !app.runtime || app.runtime.session.currentHost() === 'workstation', allIds);
  // Each new runtime (first load, restore, reset, another lesson): the newest one wins.
  app.onRuntime((rt, restored, pos) => {
    const p = { ...pos, completedSteps: [...pos.completedSteps] };
    void controller().then((c) => c.attach(rt, restored, p));
  });
  return new Promise<void>((resolve) => { app.onRuntime(() => { void controller().then((c) => c.ready).then(resolve, resolve); }); });
}
