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
import { createRuntime, type Runtime } from './runtime.js';
import { Persister, SAVE_FORMAT, SAVE_VERSION, encodeSession, type KeyValueStore, type LessonPosition, type SavedSession } from './persist.js';
import { EmbedApi, DEFAULT_ALLOWED_ORIGINS, parentOrigin, type EmbedTarget, type LessonState } from './embed.js';
import { parseParams, shareLink, type PageParams, type Theme } from './params.js';
import type { Session } from '../shell/contract.js';

/** What the lesson engine plugs in later; until then loadLesson only records the position. */
export interface LessonBridge {
  load(lesson: string, step: string | null): Promise<void>;
}

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
  runtime!: Runtime;
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

  constructor(private readonly root: HTMLElement, search: string) {
    this.params = parseParams(search);
    this.persist = new Persister(this.store);
    this.driver = new WallTimeDriver({ now: () => this.runtime?.clock.now() ?? 0, advance: (ms) => this.runtime?.clock.advance(ms) });
  }

  async boot(): Promise<void> {
    this.theme = this.params.theme ?? (this.store.getItem('kubelab:theme') as Theme | null)
      ?? (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');
    if (this.theme !== 'light' && this.theme !== 'dark') this.theme = 'dark';
    document.documentElement.dataset.theme = this.theme;
    if (this.params.lang) document.documentElement.lang = this.params.lang;
    this.layout = buildLayout(this.root, this.params.layout);
    const sr = this.store.getItem('kubelab:screen-reader') === '1';
    let openSearch = (): void => {};
    this.terminal = createTerminal(this.layout.terminalBody, {
      theme: this.theme, screenReader: sr, paste: (t) => this.repl.input(t), onSearch: () => openSearch(),
    });
    const searchBar = createSearchBar(this.layout.terminalBar, this.terminal);
    openSearch = () => searchBar.open();
    this.terminal.term.textarea?.setAttribute('aria-describedby', 'terminal-hint');
    this.writer = new OutputWriter((d, done) => this.terminal.term.write(d, done));
    this.terminal.term.onData((d) => this.repl.input(d));
    this.terminal.term.onResize(() => this.repl.resized());

    const notice = await this.startRuntime(true);
    if (notice) this.writer.write(`\x1b[33mkubelab: ${notice}\x1b[0m\r\n`);
    this.repl.start();
    performance.mark('kubelab:ready');

    const allowed = new Set([...DEFAULT_ALLOWED_ORIGINS, ...this.params.origins]);
    this.embed = new EmbedApi(this, allowed, window.parent !== window ? (m, o) => window.parent.postMessage(m, o) : null, parentOrigin(window));
    window.addEventListener('message', (e) => { void this.embed.receive(e.data, e.origin); });
    this.embed.notify('ready', { lesson: this.position.lesson ?? null, step: this.position.step ?? null });

    this.driver.onTick(() => this.drawClock());
    this.driver.start();
    this.drawClock();
    this.wireControls(sr);
    window.addEventListener('pagehide', () => this.persist.flush());
    this.terminal.term.focus();
    // Addons the first prompt does not need come after it.
    setTimeout(() => { void this.terminal.loadExtras(); }, 0);
  }

  /** Lets the lesson engine take over loadLesson; it reports progress through the methods below. */
  setLessonBridge(bridge: LessonBridge): void { this.lessonBridge = bridge; }
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
  setFile(path: string, content: string): void { this.runtime.writeFile(path, content); this.persist.schedule(); }
  lessonState(): LessonState {
    return { lesson: this.position.lesson ?? null, step: this.position.step ?? null, completedSteps: [...this.position.completedSteps] };
  }
  async loadLesson(lesson: string, step: string | null): Promise<void> {
    this.position = { lesson, step: step ?? undefined, completedSteps: [] };
    await this.lessonBridge?.load(lesson, step);
    this.persist.schedule();
  }

  async reset(): Promise<void> {
    this.repl.interrupt();
    this.persist.clear();
    this.terminal.term.reset();
    await this.startRuntime(false);
    this.repl.start();
    this.persist.flush();
    this.embed.notify('ready', { lesson: this.position.lesson ?? null, step: this.position.step ?? null });
  }

  /** The whole session as saved (and exported). */
  savedSession(): SavedSession {
    return {
      format: SAVE_FORMAT, version: SAVE_VERSION, savedAt: Date.now(), seed: this.runtime.seed,
      runtime: this.runtime.snapshot(), history: [...this.repl.history.entries], lesson: { ...this.position, completedSteps: [...this.position.completedSteps] },
    };
  }

  /** Restores the saved session when there is a compatible one; returns a notice if it could not. */
  private async startRuntime(tryRestore: boolean): Promise<string | null> {
    let notice: string | null = null;
    let runtime: Runtime | null = null;
    let history: string[] = [];
    const loaded = tryRestore ? this.persist.load() : null;
    if (loaded && !loaded.ok) notice = `could not restore the saved session (${loaded.reason}); started a new one.`;
    if (loaded?.ok) {
      const s = loaded.saved;
      const sameLesson = this.params.lesson === undefined || this.params.lesson === s.lesson.lesson;
      const sameSeed = this.params.seed === undefined || this.params.seed === s.seed;
      if (sameLesson && sameSeed) {
        try {
          runtime = await createRuntime({ seed: s.seed, startTime: Date.now(), time: this.driver, saved: s.runtime });
          history = s.history;
          this.position = s.lesson;
        } catch (e) {
          notice = `could not restore the saved session (${e instanceof Error ? e.message : 'incompatible'}); started a new one.`;
        }
      }
    }
    if (!runtime) {
      const seed = this.runtime?.seed ?? this.params.seed ?? Math.floor(Math.random() * 2 ** 31);
      runtime = await createRuntime({ seed, startTime: Date.now(), time: this.driver });
      // A reset starts the current lesson over; a first visit starts where the URL says.
      this.position = tryRestore ? { lesson: this.params.lesson, step: this.params.step, completedSteps: [] }
        : { lesson: this.position.lesson, completedSteps: [] };
    }
    this.runtime = runtime;
    this.driver.retarget({ now: () => runtime.clock.now(), advance: (ms) => runtime.clock.advance(ms) });
    this.repl = new Repl({
      session: this.tickingSession(runtime.session),
      write: (t) => this.writer.write(t),
      cols: () => this.terminal.term.cols,
      history: new History(history),
      onCommand: (rec, viaRun) => { this.persist.schedule(); this.embed?.commandFinished(rec, viaRun); },
      clearScreen: () => { this.terminal.term.clear(); this.writer.write('\x1b[H\x1b[2J'); },
    });
    this.persist.setSource(() => this.savedSession());
    return notice;
  }

  /** Brings virtual time up to wall time before each command, so AGE is exact. */
  private tickingSession(s: Session): Session {
    return {
      prompt: () => s.prompt(),
      complete: (line) => s.complete(line),
      feed: (line, out, signal) => { this.driver.tick(); return s.feed(line, out, signal); },
    };
  }

  private drawClock(): void {
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
  }

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
    b.reset.addEventListener('click', () => { void this.reset().then(() => this.terminal.term.focus()); });
    b.share.addEventListener('click', () => {
      const link = shareLink(location.href, { lesson: this.position.lesson, step: this.position.step, seed: this.runtime.seed });
      void navigator.clipboard?.writeText(link).then(() => this.announce('Share link copied'), () => this.announce(link));
    });
    b.exportFile.addEventListener('click', () => {
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
        if (d.ok) { this.persist.setSource(null); location.reload(); return; }
        this.writer.write(`\r\n\x1b[33mkubelab: that file is not a session kubelab can import (${d.reason}).\x1b[0m\r\n`);
        this.repl.editor.redraw();
      });
    });
  }
}
