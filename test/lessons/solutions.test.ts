/**
 * The dynamic half of the lesson linter: every lesson's solution, typed into a fresh headless
 * session (the code the page runs), must pass every check in order. Before a step starts its
 * check must be false (a step that is already done teaches nothing and would complete by
 * itself), and no solution line may be an unknown command.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirLessonFiles } from '../../src/lesson/node/files.js';
import { evaluate, lessonIds, loadLesson, LessonRunner, type CommandRecord, type Lesson } from '../../src/lesson/index.js';
import { createHeadlessCluster } from '../../src/cli/cluster-adapter.js';
import { createSession } from '../../src/shell/session.js';
import { HeadlessTime } from '../../src/shell/time.js';
import { Typist } from '../../src/shell/transcript.js';

const dir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const files = dirLessonFiles(dir);
const START = Date.parse('2026-03-13T08:00:00Z');

async function play(lesson: Lesson): Promise<string[]> {
  const cluster = createHeadlessCluster({ profile: lesson.cluster.profile, seed: lesson.cluster.seed, startMs: START });
  const time = new HeadlessTime({ advance: (ms) => cluster.advance(ms) });
  const session = createSession({ cluster, time, files: lesson.files });
  const typist = new Typist(session, time, { stepMs: 5000 });
  const container = () => { const c = session.container(); return c && { image: c.image }; };
  const runner = new LessonRunner(lesson, { api: cluster.api, now: () => cluster.clock.now(), container });
  const problems: string[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    if (evaluate(step.check, { api: cluster.api, commands: [], container: container() })) problems.push(`step ${step.id}: check already true when the step starts`);
    let done = false;
    for (const line of step.solution) {
      const image = container()?.image;
      const e = await typist.type(line);
      if (!e) continue;
      if (/command not found|: not found$/m.test(e.output)) problems.push(`step ${step.id}: unknown command in "${line}": ${e.output.trim()}`);
      const rec: CommandRecord = { input: e.input, output: e.output, exitCode: e.exitCode ?? 0, host: e.host, ...(image ? { image } : {}) };
      if (runner.onCommand(rec).some((ev) => ev.type === 'stepCompleted')) { done = true; break; }
    }
    for (let waited = 0; !done && waited < 180_000; waited += 1000) {
      await typist.wait(1000);
      done = runner.onTick().some((ev) => ev.type === 'stepCompleted');
    }
    if (!done) { problems.push(`step ${step.id}: its solution does not complete it`); break; }
    expect(runner.stepIndex).toBe(i + 1);
  }
  return problems;
}

describe('lesson solutions replayed headlessly', () => {
  for (const id of lessonIds(files)) {
    it(`${id}: every step's check is false before and passes after its solution`, async () => {
      const lesson = await loadLesson(files, id);
      expect(await play(lesson)).toEqual([]);
    });
  }

  it('a wrong selector does not complete the step; its hint shows after failed attempts', async () => {
    const lesson = await loadLesson(files, 'endpoints');
    const cluster = createHeadlessCluster({ profile: lesson.cluster.profile, seed: lesson.cluster.seed, startMs: START });
    const time = new HeadlessTime({ advance: (ms) => cluster.advance(ms) });
    const session = createSession({ cluster, time, files: lesson.files });
    const typist = new Typist(session, time, { stepMs: 5000 });
    const start = lesson.steps.findIndex((s) => s.id === 'pods-by-selector');
    const runner = new LessonRunner(lesson, { api: cluster.api, now: () => cluster.clock.now(), container: () => undefined });
    for (const step of lesson.steps.slice(0, start)) {
      for (const line of step.solution) await typist.type(line);
      await typist.wait(60_000);
      runner.skip();
    }
    const events = [];
    for (const line of ['kubectl get pod --selector=app=ngnix -o wide', 'kubectl get pod --selector=app=ngnix -o wide']) {
      const e = (await typist.type(line))!;
      events.push(...runner.onCommand({ input: e.input, output: e.output, exitCode: e.exitCode ?? 0, host: e.host }));
    }
    expect(runner.stepIndex).toBe(start);
    expect(events).toEqual([{ type: 'hint', step: start, index: 0, text: lesson.text['en']!.steps['pods-by-selector']!.hints![0] }]);
    const ok = (await typist.type('kubectl get pods -l app=nginx -o wide'))!;
    expect(runner.onCommand({ input: ok.input, output: ok.output, exitCode: ok.exitCode ?? 0, host: ok.host })[0]).toMatchObject({ type: 'stepCompleted', stepId: 'pods-by-selector' });
  });
});
