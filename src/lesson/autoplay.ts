/**
 * Auto-play: types each step's solution into the session, then lets the clock run until the
 * step's check passes (pods take time to become ready), as a demo on a projector would. The
 * page and the headless `replay --autoplay` share this, so CI proves what the page shows.
 */
import type { CommandRecord } from './types.js';
import type { LessonEvent, LessonRunner } from './runner.js';

export interface AutoplayIO {
  /** Types one line into the session as a learner would and returns the command's record
   * (undefined for a line that only continued a heredoc or quote). */
  type(line: string): Promise<CommandRecord | undefined>;
  /** Lets `ms` of cluster time pass (virtual headless, real in the page). */
  wait(ms: number): Promise<void>;
  /** Each event as it happens (panel updates, embed messages, transcript). */
  onEvent?(e: LessonEvent): void;
  signal?: AbortSignal;
}

export interface AutoplayResult { completedSteps: number; totalSteps: number }

/** How long auto-play waits, in cluster time, for a step's check after its solution. */
const SETTLE_LIMIT_MS = 180_000;
const SETTLE_STEP_MS = 1_000;

export async function autoplay(runner: LessonRunner, io: AutoplayIO): Promise<AutoplayResult> {
  const emit = (events: LessonEvent[]): boolean => {
    for (const e of events) io.onEvent?.(e);
    return events.some((e) => e.type === 'stepCompleted' || e.type === 'lessonCompleted');
  };
  while (!runner.done && !io.signal?.aborted) {
    const index = runner.stepIndex;
    let advanced = false;
    for (const line of runner.solution()) {
      if (io.signal?.aborted) break;
      const rec = await io.type(line);
      if (rec && emit(runner.onCommand(rec))) { advanced = true; break; }
    }
    for (let waited = 0; !advanced && runner.stepIndex === index && waited < SETTLE_LIMIT_MS && !io.signal?.aborted; waited += SETTLE_STEP_MS) {
      await io.wait(SETTLE_STEP_MS);
      advanced = emit(runner.onTick());
    }
    // A step its own solution cannot complete is a lesson bug: skip it so the rest still
    // plays, and the count at the end shows it.
    if (runner.stepIndex === index && !io.signal?.aborted) emit(runner.skip());
  }
  return { completedSteps: runner.progress.completedSteps, totalSteps: runner.lesson.steps.length };
}
