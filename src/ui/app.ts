/**
 * The page: wires layout, terminal, REPL, the wall-clock time driver, saved sessions and
 * the embed API around one Runtime (cluster + shell). Reset builds a new Runtime in place.
 */
import { buildLayout, type PageLayout } from './layout.js';
import { createTerminal, type PageTerminal } from './terminal.js';
import { createSearchBar } from './search-bar.js';
import { OutputWriter } from './output-writer.js';
import { WallTimeDriver } from './time-driver.js';
import { Repl, type CommandRecord } from './repl.js';
import { History } from './history.js';
import type { Runtime, RuntimeOptions } from './runtime.js';
import { LazySession, FRESH_PROMPT } from './lazy-session.js';
import { Persister, SAVE_FORMAT, SAVE_VERSION, encodeSession, type KeyValueStore, type LessonPosition, type SavedSession } from './persist.js';
import { EmbedApi, DEFAULT_ALLOWED_ORIGINS, parentOrigin, type EmbedTarget, type LessonState } from './embed.js';
import { parseParams, shareLink, type PageParams, type Theme } from './params.js';
import type { OpenEditor, Session } from '../shell/index.js';
import { t as pt, type StringKey as PageStringKey } from './i18n/strings.js';

/** What other parts of the page (editor panel, lessons) plug in before boot(). */
export interface AppOptions {
  /** nano/vi/code FILE open the page's editor (src/shell/utils/editor.ts). */
  openEditor?: OpenEditor;
  /**
   * What a fresh cluster for `lesson` (undefined: free play) starts from: the lesson's files,
   * profile, seed and start time. Called each time a fresh runtime is built.
   */
  setup?: (lesson: string | undefined) => Promise<FreshSetup>;
}

export interface FreshSetup {
  /** Files for a fresh workstation's home (relative path → content). */
  files?: Record<string, string>;
  profile?: string;
  seed?: number;
  /** Cluster start (ms since epoch); default now. */
  startTime?: number;
}

/** What the lesson engine plugs in: it checks the id, then calls App.startLesson. */
export interface LessonBridge {
  load(lesson: string, step: string | null): Promise<void>;
}

/** Told after each new runtime: `restored` when it came from the saved session. */
export type RuntimeListener = (rt: Runtime, restored: boolean, position: Readonly<LessonPosition>) => void;

function safeStorage(): KeyValueStore {
  try { const s = window.localStorage; s.getItem('kubelab:probe'); return s; } catch {
    const m = new Map<string, string>(); // storage blocked (sandboxed iframe): keep it in memory
    return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => { m.set(k, v); }, removeItem: (k) => { m.delete(k); } };
  }
}

export class App implements EmbedTarget {
  readonly params: PageParams;
  layout!: PageLayout;
  terminal!: PageTerminal;
  /** Set once the simulator has loaded (a few ms after the first prompt). */
  runtime: Runtime | undefined;
  runtimeReady!: Promise<Runtime>;
  private pendingNotice: string | null = null;
  repl!: Repl;
  embed!: EmbedApi;
  readonly driver: WallTimeDriver;
  readonly persist: Persister;
  private writer!: OutputWriter;
  private readonly store = safeStorage();
  private theme: Theme = 'dark';
  private position: LessonPosition = { completedSteps: [] };
  private lessonBridge: LessonBridge | null = null;
  private lastClockText = '';
  /** Settles when the lazily loaded parts have arrived (tests wait for it). */
  extras: Promise<void> = Promise.resolve();

  private readonly themeListeners: ((t: Theme) => void)[] = [];
  private readonly commandListeners: ((rec: CommandRecord) => void)[] = [];
  private readonly runtimeListeners: RuntimeListener[] = [];
  private runtimeGeneration = 0;
  private lessonProgress: (() => unknown) | null = null;
  /** Wraps the session the REPL drives (lesson commands are answered before the shell). */
  wrapSession: ((s: Session) => Session) | null = null;

  constructor(private readonly root: HTMLElement, search: string, private readonly options: AppOptions = {}) {
    this.params = parseParams(search);
    this.persist = new Persister(this.store);
    // Until the simulator loads there is no clock to advance.
    this.driver = new WallTimeDriver({ now: () => 0, advance: () => {} });
  }

  async boot(): Promise<void> {
    this.theme = this.params.theme ?? (this.store.getItem('kubelab:theme') as Theme | null)
      ?? (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');
    if (this.theme !== 'light' && this.theme !== 'dark') this.theme = 'dark';
    document.documentElement.dataset.theme = this.theme;
    if (this.params.lang) document.documentElement.lang = this.params.lang;
    this.layout = buildLayout(this.root, this.params.layout, this.params.lang);
    const sr = this.store.getItem('kubelab:screen-reader') === '1';
    let openSearch = (): void => {};
    this.terminal = createTerminal(this.layout.terminalBody, {
      theme: this.theme, screenReader: sr, paste: (t) => this.repl.input(t), onSearch: () => openSearch(),
    });
    const searchBar = createSearchBar(this.layout.terminalBar, this.terminal, this.params.lang);
    openSearch = () => searchBar.open();
    this.terminal.term.textarea?.setAttribute('aria-describedby', 'terminal-hint');
    this.writer = new OutputWriter((d, done) => this.terminal.term.write(d, done));
    this.terminal.term.onData((d) => this.repl.input(d));
    this.terminal.term.onResize(() => this.repl.resized());

    // The prompt comes up before the simulator has downloaded; it arrives in parallel.
    this.startRuntime(true);
    this.repl.start();

    const allowed = new Set([...DEFAULT_ALLOWED_ORIGINS, ...this.params.origins]);
    this.embed = new EmbedApi(this, allowed, window.parent !== window ? (m, o) => window.parent.postMessage(m, o) : null, parentOrigin(window));
    window.addEventListener('message', (e) => { void this.embed.receive(e.data, e.origin); });
    // Ready once the prompt is in the terminal (keys are accepted from here on).
    await this.writer.drained();
    performance.mark('kubelab:ready');
    this.embed.notify('ready', { lesson: this.position.lesson ?? null, step: this.position.step ?? null });

    this.driver.onTick(() => this.drawClock());
    this.driver.start();
    this.drawClock();
    this.wireControls(sr);
    window.addEventListener('pagehide', () => this.persist.flush());
    document.addEventListener('visibilitychange', () => { if (document.hidden) this.persist.flush(); });
    this.persist.onError = (msg) => this.repl.printAbove(`\x1b[33mkubelab: ${this.s('notice.save', { reason: msg })}\x1b[0m\r\n`);
    this.terminal.term.focus();
    // What the first prompt does not need comes right after it: the terminal addons. (kubectl
    // arrives with the simulator chunk: the shell session imports it statically.)
    this.extras = new Promise((r) => setTimeout(r, 0)).then(() => this.terminal.loadExtras()).then(() => undefined, () => undefined);
  }

  get currentTheme(): Theme { return this.theme; }
  /** Every finished command (typed, pasted or from the embed API): lesson checks read these. */
  onCommand(fn: (rec: CommandRecord) => void): void { this.commandListeners.push(fn); }

  /** The editor panel follows the page theme. */
  onThemeChange(fn: (t: Theme) => void): void { this.themeListeners.push(fn); }

  /** Every new runtime (first load, restore, reset, lesson start). */
  onRuntime(fn: RuntimeListener): void { this.runtimeListeners.push(fn); }

  /** Lets the lesson engine take over loadLesson; it reports progress through the methods below. */
  setLessonBridge(bridge: LessonBridge): void { this.lessonBridge = bridge; }
  /** The lesson engine's own state (hints shown, commands on this step), saved with the session. */
  setLessonProgress(fn: (() => unknown) | null): void { this.lessonProgress = fn; }
  /** Opens `lesson` on a fresh cluster, at `step` (a step id) when given. */
  async startLesson(lesson: string | undefined, step: string | null): Promise<void> {
    this.position = { lesson, step: step ?? undefined, completedSteps: [] };
    await this.restart();
  }
  get lessonPosition(): Readonly<LessonPosition> { return this.position; }
  stepCompleted(lesson: string, step: string): void {
    if (!this.position.completedSteps.includes(step)) this.position.completedSteps.push(step);
    this.persist.schedule();
    this.embed.notify('stepCompleted', { lesson, step });
  }
  lessonCompleted(lesson: string): void { this.embed.notify('lessonCompleted', { lesson }); }
  setStep(step: string | null): void { this.position.step = step ?? undefined; this.persist.schedule(); }

  // ---- EmbedTarget -------------------------------------------------------------------
  runCommand(command: string): Promise<CommandRecord> { return this.repl.run(command); }
  typeCommand(command: string): void { this.repl.type(command); }
  async setFile(path: string, content: string): Promise<void> {
    const rt = await this.runtimeReady;
    rt.writeFile(path, content);
    this.persist.schedule();
  }
  lessonState(): LessonState {
    return { lesson: this.position.lesson ?? null, step: this.position.step ?? null, completedSteps: [...this.position.completedSteps] };
  }
  async loadLesson(lesson: string, step: string | null): Promise<void> {
    if (this.lessonBridge) await this.lessonBridge.load(lesson, step);
    else await this.startLesson(lesson, step);
  }

  /** A new cluster; an open lesson starts over. */
  async reset(): Promise<void> {
    this.position = { lesson: this.position.lesson, completedSteps: [] };
    await this.restart();
  }

  private async restart(): Promise<void> {
    this.repl.close();
    this.persist.setSource(null);
    this.persist.clear();
    this.terminal.term.reset();
    this.startRuntime(false);
    this.repl.start();
    await this.runtimeReady;
    this.persist.flush();
    this.embed.notify('ready', { lesson: this.position.lesson ?? null, step: this.position.step ?? null });
  }

  /** The whole session as saved (and exported). */
  savedSession(): SavedSession {
    const rt = this.runtime;
    if (!rt) throw new Error('the simulator has not loaded yet');
    return {
      format: SAVE_FORMAT, version: SAVE_VERSION, savedAt: Date.now(), seed: rt.seed, prompt: rt.session.prompt(),
      runtime: rt.snapshot(), history: [...this.repl.history.entries],
      lesson: { ...this.position, completedSteps: [...this.position.completedSteps], progress: this.position.lesson ? this.lessonProgress?.() : undefined },
    };
  }

  /**
   * Starts loading the simulator and builds the REPL over a LazySession at once. Restores the
   * saved session when it is compatible with the URL; a failure is reported in one line.
   */
  private startRuntime(tryRestore: boolean): void {
    const loaded = tryRestore ? this.persist.load() : null;
    let saved: SavedSession | null = null;
    if (loaded && !loaded.ok) this.pendingNotice = this.s('notice.restore', { reason: loaded.reason });
    if (loaded?.ok) {
      const s = loaded.saved;
      const sameLesson = this.params.lesson === undefined || this.params.lesson === s.lesson.lesson;
      const sameSeed = this.params.seed === undefined || this.params.seed === s.seed;
      if (sameLesson && sameSeed) saved = s;
    }
    const fresh: LessonPosition = tryRestore
      ? { lesson: this.params.lesson, step: this.params.step, completedSteps: [] }
      : { ...this.position, completedSteps: [] }; // startLesson/reset set the position
    this.position = saved ? saved.lesson : fresh;
    const prevSeed = this.runtime?.seed;
    const base = { time: this.driver, openEditor: this.options.openEditor };
    let restored = false;

    this.runtime = undefined;
    this.persist.setSource(null);
    this.runtimeReady = import('./runtime.js').then(async ({ createRuntime }) => {
      if (saved) {
        try {
          const rt = await createRuntime({ ...base, seed: saved.seed, startTime: Date.now(), saved: saved.runtime });
          restored = true;
          return rt;
        } catch (e) {
          this.position = fresh;
          this.repl.history.clear();
          this.pendingNotice = this.s('notice.restore', { reason: e instanceof Error ? e.message : 'incompatible' });
        }
      }
      let setup: FreshSetup = {};
      try { setup = (await this.options.setup?.(this.position.lesson)) ?? {}; } catch (e) {
        this.pendingNotice = e instanceof Error ? e.message : String(e);
        this.position = { completedSteps: [] };
      }
      const opts: RuntimeOptions = {
        ...base, files: setup.files, profile: setup.profile, startTime: setup.startTime ?? Date.now(),
        seed: this.params.seed ?? setup.seed ?? prevSeed ?? Math.floor(Math.random() * 2 ** 31),
      };
      return createRuntime(opts);
    });
    const gen = ++this.runtimeGeneration;
    const ready = this.runtimeReady.then((rt) => {
      // A reset or lesson load started while this one was loading: it is only the old
      // REPL's (closed) session now, and must not replace the newer runtime.
      if (gen !== this.runtimeGeneration) return rt.session;
      this.runtime = rt;
      this.driver.retarget(rt.clock);
      this.persist.setSource(() => this.savedSession());
      performance.mark('kubelab:runtime');
      for (const l of this.runtimeListeners) l(rt, restored, this.position);
      return rt.session;
    });
    const lazy = new LazySession(ready, saved?.prompt ?? FRESH_PROMPT, () => this.driver.tick());
    const session = this.wrapSession ? this.wrapSession(lazy) : lazy;
    this.repl = new Repl({
      session,
      write: (t) => this.writer.write(t),
      cols: () => this.terminal.term.cols,
      history: new History(saved?.history ?? []),
      onCommand: (rec, viaRun) => {
        this.persist.schedule();
        this.embed?.commandFinished(rec, viaRun);
        for (const l of this.commandListeners) l(rec);
      },
    });
    // A notice known now goes above the first prompt; one found while loading, above the current one.
    const showNotice = (): void => {
      if (!this.pendingNotice) return;
      const text = `\x1b[33mkubelab: ${this.pendingNotice}\x1b[0m\r\n`;
      this.pendingNotice = null;
      if (this.repl.editor.active) this.repl.printAbove(text); else this.writer.write(text);
    };
    showNotice();
    void ready.then(() => { showNotice(); this.repl.refreshPrompt(); }, (e: unknown) => {
      this.writer.write(`\r\n\x1b[31mkubelab: ${this.s('notice.failed', { reason: e instanceof Error ? e.message : String(e) })}\x1b[0m\r\n`);
    });
  }

  private drawClock(): void {
    if (!this.runtime) return;
    const t = new Date(this.runtime.clock.now()).toISOString().slice(11, 19);
    if (t !== this.lastClockText) { this.layout.clock.textContent = t; this.lastClockText = t; }
  }

  private setTheme(t: Theme): void {
    this.theme = t;
    document.documentElement.dataset.theme = t;
    this.terminal.setTheme(t);
    const b = this.layout.buttons.theme;
    // A toggle keeps one name; aria-pressed says whether the light theme is on.
    b.setAttribute('aria-pressed', String(t === 'light'));
    this.store.setItem('kubelab:theme', t);
    for (const l of this.themeListeners) l(t);
  }

  private s(key: PageStringKey, vars?: Record<string, string>): string { return pt(this.params.lang, key, vars); }

  private announce(text: string): void { this.layout.status.textContent = text; }

  private wireControls(sr: boolean): void {
    const b = this.layout.buttons;
    this.setTheme(this.theme);
    b.screenReader.setAttribute('aria-pressed', String(sr));
    b.theme.addEventListener('click', () => this.setTheme(this.theme === 'dark' ? 'light' : 'dark'));
    b.screenReader.addEventListener('click', () => {
      const on = !this.terminal.term.options.screenReaderMode;
      this.terminal.term.options.screenReaderMode = on;
      b.screenReader.setAttribute('aria-pressed', String(on));
      this.store.setItem('kubelab:screen-reader', on ? '1' : '0');
    });
    b.fastForward.addEventListener('click', () => { this.driver.fastForward(30_000); this.persist.schedule(); });
    b.reset.addEventListener('click', () => {
      if (!confirm(this.s('header.reset.confirm'))) return;
      void this.reset().then(() => this.terminal.term.focus());
    });
    b.share.addEventListener('click', () => {
      if (!this.runtime) return;
      const link = shareLink(location.href, { lesson: this.position.lesson, step: this.position.step, seed: this.runtime.seed });
      // Shown in the terminal too, so it can be copied by hand where the clipboard is blocked.
      const show = (copied: boolean): void => {
        this.repl.printAbove(`kubelab: ${this.s(copied ? 'notice.shareCopied' : 'notice.share', { link })}\r\n`);
        this.announce(this.s(copied ? 'status.shareCopied' : 'status.shareShown'));
      };
      if (navigator.clipboard) void navigator.clipboard.writeText(link).then(() => show(true), () => show(false));
      else show(false);
    });
    b.exportFile.addEventListener('click', () => {
      if (!this.runtime) return;
      const url = URL.createObjectURL(new Blob([encodeSession(this.savedSession())], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'kubelab-session.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    b.importFile.addEventListener('click', () => this.layout.importInput.click());
    this.layout.importInput.addEventListener('change', () => {
      const f = this.layout.importInput.files?.[0];
      if (!f) return;
      void f.text().then((text) => {
        const d = this.persist.importText(text);
        if (d.ok) {
          // Reload without seed/lesson/step, which would otherwise win over the imported session.
          this.persist.setSource(null);
          const u = new URL(location.href);
          for (const k of ['seed', 'lesson', 'step']) u.searchParams.delete(k);
          location.assign(u.toString());
          return;
        }
        this.repl.printAbove(`\x1b[33mkubelab: ${this.s('notice.import', { reason: d.reason })}\x1b[0m\r\n`);
      });
    });
  }
}
