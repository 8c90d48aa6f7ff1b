/**
 * The parts of kubectl's interactive requests that need no session state: following a
 * stream until it ends or Ctrl-C, and deciding what an exec/attach runs in a container
 * (a program the image has, a shell to enter, or the runtime's "executable file not found").
 */
import type { InteractiveRequest } from '../kubectl/index.js';
import type { CommandIO } from './command.js';
import type { TimeDriver } from './contract.js';
import { builtinAbsent, hostHas, type Host } from './host.js';

/** get -w, logs -f, port-forward: print what arrives until it ends or Ctrl-C (130). */
export async function followStream(req: Extract<InteractiveRequest, { kind: 'stream' }>, io: CommandIO, time: TimeDriver): Promise<number> {
  let exitCode: number | undefined;
  let wake: () => void = () => {};
  const finished = new Promise<void>((resolve) => { wake = resolve; });
  const cancel = req.start((t) => io.stdout(t), (t) => io.stderr(t), (c) => { exitCode = c; wake(); });
  try {
    while (exitCode === undefined && !io.signal.aborted) {
      await Promise.race([time.sleep(1000, io.signal), finished]);
    }
  } finally {
    cancel();
  }
  return exitCode ?? 130;
}

export type ProgramPlan =
  | { kind: 'missing'; message: string }
  /** `argv[0]` is a bare name the container's shell can run. */
  | { kind: 'run'; argv: string[]; isShell: boolean };

/**
 * What `exec -- ARGV` (or attach to the container's process) starts. Builtins that are also
 * binaries in an image (env, sh, ...) run; shell-only builtins (cd, export) do not exist as
 * programs, so the runtime refuses them as it would.
 */
export function planProgram(host: Host, argv: string[]): ProgramPlan {
  const program = argv[0] ?? '';
  const base = program.slice(program.lastIndexOf('/') + 1);
  const shells = host.dialect === 'ash' ? ['sh', 'ash', ...(builtinAbsent(host, 'bash') ? [] : ['bash'])] : ['sh', 'bash'];
  const binaries = new Set(['env', 'which', 'test', '[', ...shells]);
  if (!hostHas(host, base) && !binaries.has(base)) {
    return { kind: 'missing', message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n` };
  }
  return { kind: 'run', argv: [base === 'ash' ? 'sh' : base, ...argv.slice(1)], isShell: shells.includes(base) && argv.length === 1 };
}
