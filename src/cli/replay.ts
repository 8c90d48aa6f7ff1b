/**
 * Headless replay (a contract external tools rely on):
 *
 *   npm run -s replay -- [--seed N] [--step S] [--start ISO-TIME] [--lesson ID] [--profile ID]
 *                        [--files DIR] [--format text|json] [FILE]
 *
 * Reads lines from FILE (or stdin) and types each into the same session the page uses
 * (continuation lines, heredocs and container shells included). Virtual time advances S
 * seconds (default 5) after each complete command; a command still waiting after 60 s of
 * virtual time (get -w, watch, logs -f) is interrupted as by Ctrl-C. `--files DIR` copies DIR
 * into the workstation home first. `--start` sets the clock (default: now, the only place
 * wall time is read). `--lesson ID` takes profile, seed, start and files from lessons/ID/
 * (flags given explicitly win). `--profile ID` picks the cluster profile (default kind).
 * A line holding only the character U+0004 types Ctrl-D.
 *
 * `--lesson ID --autoplay` types the lesson's solutions (src/lesson autoplay) instead of FILE,
 * exactly as auto-play does in the page, letting time pass until each step's check passes;
 * lesson events go to stderr. The output ends with the line `lesson ID: N/M steps complete`
 * (json: a last entry {"lesson": ID, "completedSteps": N, "totalSteps": M}); the exit status
 * is 0 only when every step completed.
 *
 * text: each prompt and line, then the output as the terminal shows it, without escape codes.
 * json: one array of {"host","prompt","input","output","exitCode"}, one per complete command.
 * Exit status 0 when the replay itself ran (command failures are data); 2 for bad options.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createSession } from '../shell/session.js';
import { HeadlessTime } from '../shell/time.js';
import { runTranscript, Typist, type Transcript } from '../shell/transcript.js';
import { autoplay, LessonRunner } from '../lesson/index.js';
import { createHeadlessCluster } from './cluster-adapter.js';
import { lessonSetup } from './lesson-hook.js';
import { parseReplayArgs, USAGE } from './replay-args.js';

function readDirFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

async function main(): Promise<number> {
  const args = parseReplayArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write((args ? args + '\n' : '') + USAGE);
    return args ? 2 : 0;
  }
  const lesson = args.lesson ? await lessonSetup(args.lesson) : undefined;
  if (args.lesson && !lesson) process.stderr.write(`replay: no lesson "${args.lesson}" in lessons/ (continuing without it)\n`);
  const start = args.start ?? lesson?.start;
  // The one read of wall time in the project: a replay without --start begins "now".
  const startMs = start ? Date.parse(start) : Math.floor(Date.now() / 1000) * 1000;
  const files = { ...(lesson?.files ?? {}), ...(args.filesDir ? readDirFiles(args.filesDir) : {}) };
  const cluster = createHeadlessCluster({ profile: args.profile ?? lesson?.profile, seed: args.seed ?? lesson?.seed ?? 1, startMs });
  const time = new HeadlessTime({ advance: (ms) => cluster.advance(ms) });
  const session = createSession({ cluster, time, files });
  const stepMs = args.stepSeconds * 1000;
  let t: Transcript;
  let summary: { lesson: string; completedSteps: number; totalSteps: number } | undefined;
  let code = 0;
  if (args.autoplay && lesson) {
    const typist = new Typist(session, time, { stepMs });
    const runner = new LessonRunner(lesson.lesson, { api: cluster.api, now: () => cluster.clock.now(), container: () => session.container() });
    const result = await autoplay(runner, {
      async type(line) {
        const image = session.container()?.image;
        const e = await typist.type(line);
        return e && { input: e.input, output: e.output, exitCode: e.exitCode ?? 0, host: e.host, ...(image ? { image } : {}) };
      },
      wait: (ms) => typist.wait(ms),
      onEvent: (e) => process.stderr.write(`# ${e.type === 'hint' ? `hint ${e.index + 1} for step ${e.step + 1}` : e.type === 'stepCompleted' ? `step ${e.step + 1} completed: ${e.stepId}` : 'lesson completed'}\n`),
    });
    if (result.completedSteps < result.totalSteps) code = 1;
    t = typist.transcript();
    summary = { lesson: lesson.id, completedSteps: result.completedSteps, totalSteps: result.totalSteps };
  } else {
    const input = args.file ? readFileSync(args.file, 'utf8') : readFileSync(0, 'utf8');
    const lines = input.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    t = await runTranscript(session, time, lines.map((l) => l.replace(/\r$/, '')), { stepMs });
  }
  if (args.format === 'json') process.stdout.write(JSON.stringify(summary ? [...t.entries, summary] : t.entries, null, 2) + '\n');
  else process.stdout.write(t.text + (summary ? `\nlesson ${summary.lesson}: ${summary.completedSteps}/${summary.totalSteps} steps complete\n` : ''));
  return code;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`replay: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
