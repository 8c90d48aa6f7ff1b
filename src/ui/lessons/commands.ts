/**
 * The lesson terminal commands (`lesson`, `lessons`, `hint`, `solution`, `next`, `reset`),
 * answered in front of the shell: the session has no way to register page commands, so this
 * wraps it. Only whole lines typed at the workstation prompt are taken; inside a container or
 * a heredoc every line goes to the shell unchanged.
 */
import type { Completion, LineResult, OutputSink, Session } from '../../shell/index.js';

export const LESSON_COMMANDS: ReadonlySet<string> = new Set(['lesson', 'lessons', 'hint', 'solution', 'next', 'reset']);

export type LessonCommandHandler = (argv: string[], out: OutputSink) => Promise<number>;

export class LessonCommandSession implements Session {
  private continuing = false;

  constructor(
    private readonly inner: Session,
    private readonly handler: LessonCommandHandler,
    private readonly onWorkstation: () => boolean,
    /** Lesson ids for `lesson <Tab>` (empty until the lesson list has loaded). */
    private readonly lessonIds: () => readonly string[] = () => [],
  ) {}

  prompt(): string { return this.inner.prompt(); }

  complete(line: string): Completion {
    const m = /^(\s*lesson\s+)(\S*)$/.exec(line);
    if (m && !this.continuing && this.onWorkstation()) {
      return { replaceFrom: m[1]!.length, candidates: this.lessonIds().filter((id) => id.startsWith(m[2]!)) };
    }
    return this.inner.complete(line);
  }

  async feed(line: string, out: OutputSink, signal: AbortSignal): Promise<LineResult> {
    const argv = line.trim().split(/\s+/);
    if (!this.continuing && LESSON_COMMANDS.has(argv[0] ?? '') && /^[\w\s.-]*$/.test(line) && this.onWorkstation()) {
      let code: number;
      try { code = await this.handler(argv, out); } catch (e) {
        out.stderr(`kubelab: ${e instanceof Error ? e.message : String(e)}\n`);
        code = 1;
      }
      return { complete: true, input: line, exitCode: code, host: 'workstation' };
    }
    const r = await this.inner.feed(line, out, signal);
    this.continuing = !r.complete;
    return r;
  }
}
