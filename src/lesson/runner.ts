/**
 * The step state machine. The driver (page, replay, embed) reports each complete command and
 * clock ticks; the runner evaluates the current step's check and says what happened. A step's
 * check only sees commands typed since the step began, so earlier output never completes it.
 */
import type { ApiClient } from '../cluster/api/types.js';
import { evaluate } from './checks.js';
import type { CommandRecord, Lesson, LessonText, StepSpec } from './types.js';

export type LessonEvent =
  | { type: 'stepCompleted'; step: number; stepId: string }
  | { type: 'lessonCompleted' }
  | { type: 'hint'; step: number; index: number; text: string };

export interface LessonProgress {
  lesson: string;
  step: number;
  completedSteps: number;
  attempts: number;
  stepStartedAt: number;
  hintsShown: number;
  commands: CommandRecord[];
}

export interface RunnerDeps {
  api: ApiClient;
  now(): number;
  container(): { image: string } | undefined;
}

export class LessonRunner {
  private p: LessonProgress;

  constructor(readonly lesson: Lesson, private deps: RunnerDeps, public lang = 'en', saved?: LessonProgress) {
    this.p = saved && saved.lesson === lesson.id ? saved
      : { lesson: lesson.id, step: 0, completedSteps: 0, attempts: 0, stepStartedAt: deps.now(), hintsShown: 0, commands: [] };
  }

  get progress(): Readonly<LessonProgress> { return this.p; }
  get stepIndex(): number { return this.p.step; }
  get done(): boolean { return this.p.step >= this.lesson.steps.length; }
  get currentStep(): StepSpec | undefined { return this.lesson.steps[this.p.step]; }

  text(): LessonText {
    return this.lesson.text[this.lang] ?? this.lesson.text['en'] ?? Object.values(this.lesson.text)[0]!;
  }

  /** Report a complete command. Returns what happened. */
  onCommand(rec: CommandRecord): LessonEvent[] {
    if (this.done) return [];
    this.p.commands.push(rec);
    const events = this.check();
    if (events.length === 0) {
      this.p.attempts++;
      events.push(...this.dueHints());
    }
    return events;
  }

  /** Clock tick: state-only checks can complete while the learner waits (pods becoming Ready). */
  onTick(): LessonEvent[] {
    if (this.done) return [];
    const events = this.check();
    return events.length ? events : this.dueHints();
  }

  /** The next hint on request, or undefined when there are none left. */
  hint(): LessonEvent | undefined {
    const step = this.currentStep;
    const hints = step ? this.text().steps[step.id]?.hints ?? [] : [];
    if (this.p.hintsShown >= hints.length) return hints.length ? { type: 'hint', step: this.p.step, index: hints.length - 1, text: hints[hints.length - 1]! } : undefined;
    const index = this.p.hintsShown++;
    return { type: 'hint', step: this.p.step, index, text: hints[index]! };
  }

  solution(): string[] { return this.currentStep?.solution ?? []; }

  /** Skip the current step (the learner asked to move on). */
  skip(): LessonEvent[] {
    if (this.done) return [];
    return this.advance(false);
  }

  private check(): LessonEvent[] {
    const step = this.currentStep!;
    const ok = evaluate(step.check, { api: this.deps.api, commands: this.p.commands, container: this.deps.container() });
    return ok ? this.advance(true) : [];
  }

  private advance(completed: boolean): LessonEvent[] {
    const step = this.currentStep!;
    const events: LessonEvent[] = [];
    if (completed) {
      this.p.completedSteps++;
      events.push({ type: 'stepCompleted', step: this.p.step, stepId: step.id });
    }
    this.p.step++;
    this.p.attempts = 0;
    this.p.hintsShown = 0;
    this.p.commands = [];
    this.p.stepStartedAt = this.deps.now();
    if (this.done) events.push({ type: 'lessonCompleted' });
    return events;
  }

  /** Hints whose time or attempt threshold has passed and that were not shown yet. */
  private dueHints(): LessonEvent[] {
    const step = this.currentStep;
    if (!step?.hints) return [];
    const texts = this.text().steps[step.id]?.hints ?? [];
    const elapsed = (this.deps.now() - this.p.stepStartedAt) / 1000;
    const out: LessonEvent[] = [];
    while (this.p.hintsShown < step.hints.length && this.p.hintsShown < texts.length) {
      const h = step.hints[this.p.hintsShown]!;
      const due = (h.afterSeconds !== undefined && elapsed >= h.afterSeconds) || (h.afterAttempts !== undefined && this.p.attempts >= h.afterAttempts);
      if (!due) break;
      out.push({ type: 'hint', step: this.p.step, index: this.p.hintsShown, text: texts[this.p.hintsShown]! });
      this.p.hintsShown++;
    }
    return out;
  }
}

/** Commands that bring a fresh cluster to the start of step `index`: the solutions before it. */
export function solutionsBefore(lesson: Lesson, index: number): string[] {
  return lesson.steps.slice(0, index).flatMap((s) => s.solution);
}
