/**
 * The lesson engine in the page (loaded after the first prompt, never in the first download):
 * loads lessons, runs their checks after every command and on the clock, drives the lesson
 * panel, auto-play, jumps to a step, and answers the lesson terminal commands.
 */
import { autoplay, LessonRunner, type Lesson, type LessonEvent, type LessonProgress, type CommandRecord as LessonRecord } from '../../lesson/index.js';
import { bundledLessonHeads, bundledLessonIds, loadBundledLesson } from '../../lesson/bundled.js';
import { htmlByMarkdown, type CompiledLesson } from '../../lesson/compiled.js';
import { createLessonPanel, type CatalogEntry, type LessonPanel } from '../lesson-panel/panel.js';
import { paneBody, showPane } from '../panes.js';
import { t, type StringKey } from '../i18n/strings.js';
import type { App, FreshSetup } from '../app.js';
import type { Runtime } from '../runtime.js';
import type { LessonPosition } from '../persist.js';
import type { CommandRecord } from '../repl.js';
import type { OutputSink } from '../../shell/index.js';

const cache = new Map<string, Promise<CompiledLesson>>();

// DOMPurify comes with the first lesson opened, not for the catalog.
let sanitizer: Promise<typeof import('../lesson-panel/lesson-html.js')> | undefined;
const loadSanitizer = (): Promise<typeof import('../lesson-panel/lesson-html.js')> => (sanitizer ??= import('../lesson-panel/lesson-html.js'));

function getCompiled(id: string, lang: string): Promise<CompiledLesson> {
  const key = `${id}/${lang}`;
  let p = cache.get(key);
  if (!p) { p = loadBundledLesson(id, lang); cache.set(key, p); p.catch(() => cache.delete(key)); }
  return p;
}

export function allLessonIds(): string[] { return bundledLessonIds(); }

const escapeHtml = (s: string): string => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** What a fresh cluster for a lesson starts from (App's `setup`). */
export async function lessonSetup(id: string | undefined, lang: string): Promise<FreshSetup> {
  if (!id) return {};
  if (!allLessonIds().includes(id)) throw new Error(t(lang, 'lesson.noSuch', { id, list: allLessonIds().join(', ') }));
  const l = (await getCompiled(id, lang)).lesson;
  const start = l.cluster.start ? Date.parse(l.cluster.start) : NaN;
  return { files: l.files, profile: l.cluster.profile, seed: l.cluster.seed, startTime: Number.isNaN(start) ? undefined : start };
}

const MAX_SAVED_COMMANDS = 20;
const MAX_SAVED_OUTPUT = 16_384;

/** Pauses of auto-play in the page (wall time). */
const TYPE_MS = 35;
const READ_MS = 2500;

export class LessonController {
  private runner: LessonRunner | undefined;
  private lesson: Lesson | undefined;
  private rt: Runtime | undefined;
  private readonly panel: LessonPanel;
  /** Auto-play or a jump is typing: it reports commands to the runner itself. */
  private driving: AbortController | null = null;
  private lastRecord: CommandRecord | undefined;
  private generation = 0;
  private lastTickWall = 0;
  private titles = new Map<string, string>();
  private autoplayPending: boolean;
  private readonly lang: string;

  constructor(private readonly app: App) {
    this.lang = app.params.lang;
    this.autoplayPending = app.params.autoplay;
    this.panel = createLessonPanel(paneBody('lesson'), {
      run: (c) => { void app.repl.run(c); app.terminal.term.focus(); },
      paste: (c) => { app.repl.type(c); app.terminal.term.focus(); },
      hint: () => this.hint(),
      solution: () => this.solution(),
      skip: () => this.after(() => this.runner?.skip() ?? []),
      restart: () => { if (this.lesson) void app.startLesson(this.lesson.id, null); },
      autoplay: () => this.toggleAutoplay(),
      openLesson: (id) => { void app.loadLesson(id, null); },
      jump: (i) => { const l = this.lesson; if (l && l.steps[i]) void app.startLesson(l.id, i === 0 ? null : l.steps[i]!.id); },
    }, this.lang);
    app.onCommand((rec) => this.onCommand(rec));
    app.driver.onTick(() => this.onTick());
    app.setLessonBridge({ load: (id, step) => this.open(id, step) });
    app.setLessonProgress(() => this.savedProgress());
    this.ready = this.fillPicker();
  }

  /** Settles when the lesson list has loaded (the picker is filled). */
  readonly ready: Promise<void>;

  /**
   * What is saved with the session: the runner's state, with the commands of the current
   * step capped (outputs can be large; storage is small).
   */
  private savedProgress(): LessonProgress | undefined {
    const p = this.runner?.progress;
    if (!p) return undefined;
    const commands = p.commands.slice(-MAX_SAVED_COMMANDS).map((c) => (c.output.length > MAX_SAVED_OUTPUT ? { ...c, output: c.output.slice(0, MAX_SAVED_OUTPUT) } : c));
    return { ...p, commands };
  }

  private s(key: StringKey, vars?: Record<string, string | number>): string { return t(this.lang, key, vars); }

  /** The header picker and the catalog: every lesson with its title in the page language. */
  private async fillPicker(): Promise<void> {
    const entries: CatalogEntry[] = [];
    for (const h of bundledLessonHeads()) {
      // A lesson without the page's language is listed (and runs) in English.
      const text = h.text[this.lang] ?? h.text['en'];
      if (!text) continue;
      entries.push({ id: h.id, title: text.title, summary: text.summary });
      this.titles.set(h.id, text.title);
    }
    const picker = this.app.layout.lessonPicker;
    for (const e of entries) {
      const o = document.createElement('option');
      o.value = e.id;
      o.textContent = e.title;
      picker.append(o);
    }
    picker.value = this.lesson?.id ?? '';
    picker.addEventListener('change', () => {
      if (picker.value) void this.app.loadLesson(picker.value, null);
      else void this.app.startLesson(undefined, null);
    });
    this.catalog = entries;
    if (!this.lesson) this.panel.showCatalog(entries);
    if (this.lesson) this.render();
  }
  private catalog: CatalogEntry[] = [];

  /** The bridge's load: checks the id, then a fresh cluster for it (App calls attach). */
  private async open(id: string, step: string | null): Promise<void> {
    if (!allLessonIds().includes(id)) {
      this.app.repl.printAbove(`kubelab: ${this.s('lesson.noSuch', { id, list: allLessonIds().join(', ') })}\r\n`);
      return;
    }
    await this.app.startLesson(id, step);
  }

  /** A new runtime is up: start, restore or drop the lesson for it. */
  async attach(rt: Runtime, restored: boolean, pos: Readonly<LessonPosition>): Promise<void> {
    const gen = ++this.generation;
    this.driving?.abort();
    this.driving = null;
    this.panel.setAutoplaying(false);
    this.rt = rt;
    this.runner = undefined;
    this.lesson = undefined;
    this.app.layout.lessonPicker.value = pos.lesson ?? '';
    if (!pos.lesson) { this.panel.showCatalog(this.catalog); return; }
    let lesson: Lesson;
    try {
      const [c, sanitize] = await Promise.all([getCompiled(pos.lesson, this.lang), loadSanitizer()]);
      lesson = c.lesson;
      const html = htmlByMarkdown(c);
      // Every text was rendered at build time; anything else shows as plain text.
      this.panel.setMarkdown((md, target) => sanitize.renderLessonHtml(html.get(md) ?? `<p>${escapeHtml(md)}</p>`, target));
    } catch (e) {
      this.app.repl.printAbove(`kubelab: ${e instanceof Error ? e.message : String(e)}\r\n`);
      return;
    }
    if (gen !== this.generation) return;
    const deps = { api: rt.cluster.api, now: () => rt.cluster.clock.now(), container: () => rt.session.container() };
    const saved = restored ? pos.progress as LessonProgress | undefined : undefined;
    const runner = new LessonRunner(lesson, deps, this.lang, saved && typeof saved === 'object' && saved.lesson === lesson.id ? saved : undefined);
    this.lesson = lesson;
    this.runner = runner;
    this.app.layout.lessonPicker.value = lesson.id;
    if (this.app.params.layout !== 'terminal') showPane('lesson');
    if (!restored && pos.step) {
      const index = /^\d+$/.test(pos.step) ? Number(pos.step) - 1 : lesson.steps.findIndex((s) => s.id === pos.step);
      if (index > 0) {
        this.render();
        await this.replayTo(index);
        if (gen !== this.generation) return;
      }
    }
    this.app.setStep(runner.currentStep?.id ?? null);
    this.render();
    // Hints already shown on this step come back with a restored session.
    const step = runner.currentStep;
    const texts = step ? runner.text().steps[step.id]?.hints ?? [] : [];
    for (let i = 0; i < runner.progress.hintsShown && i < texts.length; i++) this.panel.addHint(texts[i]!, i);
    if (this.autoplayPending) { this.autoplayPending = false; this.toggleAutoplay(); }
  }

  private render(): void {
    if (!this.lesson || !this.runner) return;
    this.panel.show(this.lesson, this.runner.progress, this.lesson.next ? this.titles.get(this.lesson.next) : undefined);
  }

  private onCommand(rec: CommandRecord): void {
    if (this.driving) { this.lastRecord = rec; return; }
    const rt = this.rt;
    if (!this.runner || !rt) return;
    const r = this.record(rec);
    this.after(() => this.runner!.onCommand(r));
  }

  /** The lesson engine's view of a command: where it ran and in which image. */
  private record(rec: CommandRecord): LessonRecord {
    const image = this.rt?.session.container()?.image;
    return { input: rec.input, output: rec.output, exitCode: rec.exitCode, host: rec.host ?? 'workstation', ...(image ? { image } : {}) };
  }

  /** State checks as the clock runs (about once a second of wall time). */
  private onTick(): void {
    if (this.driving || !this.runner || this.runner.done) return;
    const now = performance.now();
    if (now - this.lastTickWall < 900) return;
    this.lastTickWall = now;
    this.after(() => this.runner!.onTick());
  }

  /** Runs a runner action and shows what happened. */
  private after(fn: () => LessonEvent[]): void {
    const runner = this.runner;
    if (!runner) return;
    const before = runner.stepIndex;
    this.handle(fn(), before);
  }

  private handle(events: LessonEvent[], before: number): void {
    const runner = this.runner;
    const lesson = this.lesson;
    if (!runner || !lesson) return;
    const hints: LessonEvent[] = [];
    for (const e of events) {
      if (e.type === 'stepCompleted') {
        this.app.stepCompleted(lesson.id, e.stepId);
        this.announce(this.s('lesson.stepCompleted', { n: e.step + 1, title: runner.text().steps[e.stepId]?.title ?? e.stepId }));
      } else if (e.type === 'lessonCompleted') {
        this.app.lessonCompleted(lesson.id);
        this.announce(this.s('lesson.completed', { title: runner.text().title }));
      } else hints.push(e);
    }
    if (runner.stepIndex !== before) {
      this.app.setStep(runner.currentStep?.id ?? null);
      this.render();
    }
    for (const h of hints) if (h.type === 'hint') this.panel.addHint(h.text, h.index);
    if (events.length) this.app.persist.schedule();
  }

  private announce(text: string): void {
    const status = document.querySelector('[role=status]');
    if (status) status.textContent = text;
  }

  private hint(): string | undefined {
    if (!this.runner) return undefined;
    const e = this.runner.hint();
    if (e?.type === 'hint') { this.panel.addHint(e.text, e.index); this.app.persist.schedule(); return e.text; }
    this.panel.note(this.s('lesson.noHints'));
    return undefined;
  }

  private solution(): string[] {
    const sol = this.runner?.solution() ?? [];
    if (sol.length) this.panel.showSolution(sol);
    return sol;
  }

  /** Types one line at the prompt (char by char when `charMs`) and presses Enter. */
  private async typeLine(line: string, charMs: number, signal: AbortSignal): Promise<LessonRecord | undefined> {
    const repl = this.app.repl;
    await repl.whenIdle();
    if (signal.aborted) return undefined;
    if (charMs > 0) {
      for (const ch of line) {
        if (signal.aborted) return undefined;
        repl.type(ch);
        await sleep(charMs);
      }
    } else repl.type(line);
    this.lastRecord = undefined;
    repl.input('\r');
    await repl.whenIdle();
    return this.lastRecord && this.record(this.lastRecord);
  }

  /**
   * Jump: types the solutions of the steps before `index` at once, with the cluster clock
   * running ahead (pods start, rollouts finish), until the runner reaches the step.
   */
  private async replayTo(index: number): Promise<void> {
    const runner = this.runner!;
    const ac = new AbortController();
    this.driving = ac;
    this.announce(this.s('lesson.replaying', { n: index + 1 }));
    const turbo = setInterval(() => this.app.driver.fastForward(1000), 10);
    try {
      await autoplay(runner, {
        type: (line) => this.typeLine(line, 0, ac.signal),
        wait: async (ms) => { this.app.driver.fastForward(ms); await sleep(0); },
        onEvent: (e) => { this.handle([e], -1); if (runner.stepIndex >= index) ac.abort(); },
        signal: ac.signal,
      });
    } finally {
      clearInterval(turbo);
      if (this.driving === ac) this.driving = null;
    }
  }

  /** Auto-play: types each solution at a readable pace, pausing on every step's text. */
  private toggleAutoplay(): void {
    if (this.driving) { this.driving.abort(); return; }
    const runner = this.runner;
    if (!runner || runner.done) return;
    const ac = new AbortController();
    this.driving = ac;
    this.panel.setAutoplaying(true);
    let shownStep = -1;
    let turbo: ReturnType<typeof setInterval> | undefined;
    void autoplay(runner, {
      type: async (line) => {
        if (runner.stepIndex !== shownStep) { shownStep = runner.stepIndex; await sleep(READ_MS); }
        // A command that waits (rollout status, apt) runs with the clock ten times faster.
        turbo = setInterval(() => this.app.driver.fastForward(1000), 100);
        try { return await this.typeLine(line, TYPE_MS, ac.signal); } finally { clearInterval(turbo); }
      },
      wait: async (ms) => { await sleep(ms / 10); this.app.driver.fastForward(ms); },
      onEvent: (e) => this.handle([e], e.type === 'hint' ? runner.stepIndex : -1),
      signal: ac.signal,
    }).finally(() => {
      clearInterval(turbo);
      if (this.driving === ac) this.driving = null;
      this.panel.setAutoplaying(false);
      this.render();
    });
  }

  /** `lesson`, `lessons`, `hint`, `solution`, `next`, `reset` typed in the terminal. */
  async command(argv: string[], out: OutputSink): Promise<number> {
    const say = (text: string): void => out.stdout(text + '\n');
    const list = allLessonIds();
    const runner = this.runner;
    switch (argv[0]) {
      case 'lessons':
        say(this.s('lesson.listHeader'));
        for (const id of list) say(`${id}\t${this.titles.get(id) ?? ''}`);
        return 0;
      case 'lesson': {
        const id = argv[1];
        if (!id) {
          if (!runner || !this.lesson) { say(this.s('lesson.notActive')); return 0; }
          const step = runner.currentStep;
          say(step ? this.s('lesson.current', { id: this.lesson.id, n: runner.stepIndex + 1, total: this.lesson.steps.length, title: runner.text().steps[step.id]?.title ?? step.id })
            : this.s('lesson.currentDone', { id: this.lesson.id }));
          return 0;
        }
        if (!list.includes(id)) { out.stderr(this.s('lesson.noSuch', { id, list: list.join(', ') }) + '\n'); return 1; }
        void this.app.startLesson(id, argv[2] ?? null);
        return 0;
      }
      case 'hint': {
        if (!runner) { say(this.s('lesson.notActive')); return 1; }
        const h = this.hint();
        say(h ? this.s('lesson.hintLine', { text: h }) : this.s('lesson.noHints'));
        return 0;
      }
      case 'solution': {
        if (!runner) { say(this.s('lesson.notActive')); return 1; }
        say(this.s('lesson.solutionLine'));
        for (const l of this.solution()) say(`  ${l}`);
        return 0;
      }
      case 'next': {
        if (!runner || !this.lesson) { say(this.s('lesson.notActive')); return 1; }
        if (!runner.done) { this.after(() => runner.skip()); return 0; }
        if (!this.lesson.next) { say(this.s('lesson.noNext')); return 1; }
        void this.app.startLesson(this.lesson.next, null);
        return 0;
      }
      case 'reset':
        void this.app.reset();
        return 0;
      default:
        return 127;
    }
  }
}

function sleep(ms: number): Promise<void> { return new Promise((r) => setTimeout(r, ms)); }

let instance: LessonController | undefined;
export function lessonController(app: App): LessonController {
  instance ??= new LessonController(app);
  (window as unknown as { __kubelabLessons?: unknown }).__kubelabLessons = instance;
  return instance;
}
