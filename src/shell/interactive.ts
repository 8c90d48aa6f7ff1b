/**
 * The parts of kubectl's interactive requests that need no session state: following a
 * stream until it ends or Ctrl-C, and deciding what an exec/attach runs in a container
 * (a program the image has, a shell to enter, or the runtime's "executable file not found").
 */
import type { InteractiveRequest } from '../kubectl/index.js';
import type { CommandIO } from './command.js';
import type { TimeDriver } from './contract.js';
import { execNotFoundMessage } from './container/index.js';
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
  /** The runtime cannot start `program`: containerd's exec error (see `execNotFound`). */
  | { kind: 'missing'; program: string }
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
    return { kind: 'missing', program };
  }
  return { kind: 'run', argv: [base === 'ash' ? 'sh' : base, ...argv.slice(1)], isShell: shells.includes(base) && argv.length === 1 };
}

/**
 * What kubectl prints when containerd cannot start the exec'd program: the CRI's status message
 * arrives on the error stream and kubectl reports it as `error: Internal error occurred: ...`
 * (remotecommand errorDecoderV4), exit 1. (The `command terminated with exit code 126` form was
 * dockershim's.) The exec id is containerd's random 64-hex id, here derived from `seed`.
 */
export function execNotFound(program: string, seed: string): string {
  return execNotFoundMessage(program, hexId(seed));
}

/** 64 hex digits from a string (FNV-1a + fmix32 rounds): stable per seed, random-looking. */
function hexId(seed: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5;
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    // murmur3's fmix32, so neighbouring rounds do not look alike.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    out += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
