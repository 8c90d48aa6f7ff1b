/** Job control builtins: jobs, kill, fg, wait (the job table itself is src/shell/jobs.ts). */
import type { CommandIO } from './command.js';
import type { Builtin, Interpreter } from './interpreter.js';
import { settle } from './jobs.js';
import { sleepFor } from './utils/common.js';

export function jobBuiltins(): Record<string, Builtin> {
  return {
    jobs: async (args, io, sh) => {
      const t = sh.jobs;
      if (!t) return 0;
      const bad = args.find((a) => /^-/.test(a) && !/^-[lpnrs]+$/.test(a));
      if (bad) { io.stderr(`${sh.shellName}: jobs: ${bad.slice(0, 2)}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`); return 2; }
      const flags = args.filter((a) => a.startsWith('-')).join('');
      if (flags.includes('p')) io.stdout(t.list().map((j) => `${j.pid}\n`).join(''));
      else io.stdout(t.list().map((j) => t.line(j, flags.includes('l'), where(sh))).join(''));
      t.notifications();
      return 0;
    },
    kill: async (args, io, sh) => kill(args, io, sh),
    fg: async (args, io, sh) => fg(args, io, sh),
    wait: async (args, io, sh) => waitJobs(args, io, sh),
  };
}

function where(sh: Interpreter): { cwd: string; home: string } {
  return { cwd: sh.state.cwd, home: sh.state.vars['HOME'] ?? sh.host.home };
}

/** kill [-SIG] %job|pid ...: ends background jobs (there are no other processes to signal here). */
async function kill(args: string[], io: CommandIO, sh: Interpreter): Promise<number> {
  let signal: 'TERM' | 'KILL' = 'TERM';
  let i = 0;
  if (args[0] === '-s' || args[0] === '-n') { signal = /^(9|KILL|SIGKILL)$/i.test(args[1] ?? '') ? 'KILL' : 'TERM'; i = 2; }
  else if (args[0] && /^-\w+$/.test(args[0])) { signal = /^-(9|KILL|SIGKILL)$/i.test(args[0]) ? 'KILL' : 'TERM'; i = 1; }
  const targets = args.slice(i);
  if (!targets.length) {
    io.stderr(`${sh.shellName}: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n`);
    return 2;
  }
  let code = 0;
  for (const t of targets) {
    const job = sh.jobs?.find(t);
    if (job) { sh.jobs!.kill(job, signal); continue; }
    code = 1;
    if (t.startsWith('%')) io.stderr(`${sh.shellName}: kill: ${t}: no such job\n`);
    else if (/^-?\d+$/.test(t)) io.stderr(`${sh.shellName}: kill: (${t}) - No such process\n`);
    else io.stderr(`${sh.shellName}: kill: ${t}: arguments must be process or job IDs\n`);
  }
  // The signal lands at once: let the job wind down before the next command looks at it.
  await settle();
  return code;
}

/** fg [%job]: waits for a background job in the foreground; Ctrl-C interrupts it. */
async function fg(args: string[], io: CommandIO, sh: Interpreter): Promise<number> {
  const t = sh.jobs;
  const spec = args[0] ?? '%%';
  const job = t?.find(spec.startsWith('%') ? spec : `%${spec}`);
  if (!t || !job) { io.stderr(`${sh.shellName}: fg: ${args[0] ?? 'current'}: no such job\n`); return 1; }
  io.stdout(job.text + '\n');
  let finished = false;
  void job.done.then(() => { finished = true; });
  // Foreground waiting lets virtual time pass, which wakes the job's own sleeps.
  while (!finished && !io.signal.aborted) await sleepFor(io, 1000);
  if (!finished) { t.kill(job, 'TERM'); await job.done; }
  job.reported = true;
  return io.signal.aborted ? 130 : job.code;
}

/** wait [%job|pid ...]: waits for background jobs (all by default); the last one's status. */
async function waitJobs(args: string[], io: CommandIO, sh: Interpreter): Promise<number> {
  const t = sh.jobs;
  if (!t) return 0;
  let code = 0;
  const targets = args.length ? args : t.list().filter((j) => j.state === 'Running').map((j) => `%${j.id}`);
  for (const spec of targets) {
    const job = t.find(spec) ?? (/^\d+$/.test(spec) ? t.list().find((j) => j.pid === Number(spec)) : undefined);
    if (!job) {
      io.stderr(spec.startsWith('%') ? `${sh.shellName}: wait: ${spec}: no such job\n` : `${sh.shellName}: wait: pid ${spec} is not a child of this shell\n`);
      code = 127;
      continue;
    }
    let finished = job.state !== 'Running';
    void job.done.then(() => { finished = true; });
    while (!finished && !io.signal.aborted) await sleepFor(io, 1000);
    if (!finished) return 130;
    // `wait` with no operands discards the statuses; bash still reports none of them later.
    job.reported = true;
    code = job.code;
  }
  return args.length ? code : 0;
}

