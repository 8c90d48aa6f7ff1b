/**
 * What a container's main process does once started: derived from the image's default
 * ENTRYPOINT/CMD or the pod's command/args. Decides whether it keeps running, when it exits
 * (and with which code), what it prints, which ports it listens on and how it reacts to SIGTERM.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { productVersion, resolveImage, type ImageInfo } from '../images.js';
import { startupLogs } from './logs.js';

export interface ProcessPlan {
  argv: string[];
  /** undefined: runs until stopped. */
  exitAfterMs?: number;
  exitCode: number;
  /** Lines printed at start (and at exit for short commands). */
  logs: string[];
  ports: number[];
  /** ms to exit after SIGTERM; undefined: ignores it (PID 1 shell/sleep), killed at the grace period. */
  stopMs?: number;
  /** The error a missing binary gives (StartError). */
  startError?: string;
  /** `ps` view: command lines of the processes (PID 1 first). */
  commands: string[];
  /** The process needs the network tools of the shell layer: it runs when a session picks it up. */
  external?: boolean;
}

/** Programs whose output depends on the network: the shell layer's container tools run them. */
const NETWORK_TOOLS = new Set(['wget', 'curl', 'nslookup', 'dig', 'host', 'nc', 'ping', 'apt', 'apt-get', 'apk', 'getent', 'telnet']);
const ENTRYPOINT_SCRIPTS = new Set(['docker-entrypoint.sh', 'entrypoint.sh']);

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

function base(p: string): string { return p.slice(p.lastIndexOf('/') + 1); }

export function planProcess(c: Container, info: ImageInfo, startedAt: number, cpus: number): ProcessPlan {
  const useImageDefault = !c.command && !c.args;
  const argv = [...(c.command ?? info.entrypoint), ...(c.args ?? (c.command ? [] : info.cmd))];
  const interactive = !!c.stdin; // a shell with stdin open waits for input (tty or not)
  const env = new Set((c.env ?? []).filter((e) => e.value !== '' ).map((e) => e.name));

  const wrapped = argv.length > 1 && ENTRYPOINT_SCRIPTS.has(base(argv[0]!));
  // `docker-entrypoint.sh nginx -g 'daemon off;'` is the image default; `/entrypoint.sh curl -s web`
  // (kubectl run --image curlimages/curl -- curl -s web) is the user's own command.
  const sameAsCmd = wrapped && argv[1] === info.cmd[0] && (info.behaviour === 'server' || argv.slice(1).join('\0') === info.cmd.join('\0'));
  if (useImageDefault || sameAsCmd) {
    switch (info.behaviour) {
      case 'server': {
        if (info.requiresEnv && !info.requiresEnv.anyOf.some((v) => env.has(v))) {
          return { argv, exitAfterMs: 150, exitCode: 1, logs: info.requiresEnv.errorLog, ports: [], stopMs: 0, commands: [argv.join(' ')] };
        }
        return { argv, exitCode: 0, logs: startupLogs({ ...info, version: productVersion(resolveImage(c.image ?? '')) ?? info.version }, startedAt, cpus), ports: info.ports, stopMs: info.stopMs, commands: serverCommands(info, argv, cpus) };
      }
      case 'shell':
      case 'repl':
        if (interactive) return { argv, exitCode: 0, logs: [], ports: [], stopMs: undefined, commands: [argv.join(' ')] };
        return { argv, exitAfterMs: 20, exitCode: 0, logs: [], ports: [], commands: [argv.join(' ')] };
      case 'oneshot':
        return { argv, exitAfterMs: 1500, exitCode: 0, logs: [], ports: [], commands: [argv.join(' ')] };
      case 'usage-exit':
        return { argv, exitAfterMs: 30, exitCode: 2, logs: ["curl: try 'curl --help' or 'curl --manual' for more information"], ports: [], commands: [argv.join(' ')] };
    }
  }
  // The entrypoint script execs its arguments (curlimages/curl's prepends curl to bare options).
  const own = wrapped ? (argv[1]!.startsWith('-') && info.cmd[0] ? [info.cmd[0], ...argv.slice(1)] : argv.slice(1)) : argv;
  if (needsNetwork(own) && (info.binaries.includes(base(own[0]!)) || SHELLS.has(base(own[0]!)))) return { argv: own, exitCode: 0, logs: [], ports: [], stopMs: undefined, commands: [own.join(' ')], external: true };
  return planCommand(argv, info, interactive);
}

/** A network tool run directly, or in a `sh -c` script that does not loop forever. */
function needsNetwork(argv: string[]): boolean {
  const b = base(argv[0] ?? '');
  if (NETWORK_TOOLS.has(b)) return true;
  if (!SHELLS.has(b)) return false;
  const ci = argv.indexOf('-c');
  const script = ci < 0 ? '' : argv[ci + 1] ?? '';
  if (/\bwhile\s|\buntil\s|\bsleep\s+infinity\b|\btail\s+-f\b/.test(script)) return false;
  return (script.match(/[A-Za-z0-9_./-]+/g) ?? []).some((w) => NETWORK_TOOLS.has(base(w)));
}

function serverCommands(info: ImageInfo, argv: string[], cpus: number): string[] {
  if (info.repository.endsWith('/nginx')) {
    return ['nginx: master process nginx -g daemon off;', ...Array.from({ length: cpus }, () => 'nginx: worker process')];
  }
  if (info.repository.endsWith('/httpd')) return ['httpd -DFOREGROUND', 'httpd -DFOREGROUND', 'httpd -DFOREGROUND', 'httpd -DFOREGROUND'];
  return [argv.join(' ') || info.repository.split('/').pop()!];
}

/** A user-given command: shells with -c scripts, sleep, echo, true/false, tail -f, servers. */
function planCommand(argv: string[], info: ImageInfo, interactive: boolean): ProcessPlan {
  const cmd = argv[0] ?? '';
  const b = base(cmd);
  const commands = [argv.join(' ')];
  if (info.daemons && (info.daemons.includes('*') || info.daemons.includes(b) || info.daemons.includes(cmd))) {
    return { argv, exitCode: 0, logs: [], ports: info.ports, stopMs: info.stopMs ?? 200, commands };
  }
  if (!info.binaries.includes(b) && !SHELLS.has(b) && !info.entrypoint.includes(cmd) && !info.cmd.includes(cmd)) {
    return { argv, exitCode: 128, exitAfterMs: 0, logs: [], ports: [], commands,
      startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${cmd}": executable file not found in $PATH: unknown` };
  }
  if (SHELLS.has(b)) {
    const ci = argv.indexOf('-c');
    if (ci < 0) {
      if (interactive) return { argv, exitCode: 0, logs: [], ports: [], commands };
      return { argv, exitAfterMs: 20, exitCode: 0, logs: [], ports: [], commands };
    }
    return { ...runScript(argv[ci + 1] ?? '', info), argv, commands };
  }
  return { ...runScript(argv.map(quoteIfNeeded).join(' '), info), argv, commands };
}

function quoteIfNeeded(s: string): string { return /[\s;&|]/.test(s) ? `'${s.replace(/'/g, `'\\''`)}'` : s; }

/**
 * A tiny interpreter for the scripts people put in `command:` — a sequence of simple
 * commands joined by `;`, `&&` or newlines. Enough for echo / sleep / exit / loops that never end.
 */
function runScript(script: string, info: ImageInfo): Omit<ProcessPlan, 'argv' | 'commands'> {
  const logs: string[] = [];
  let elapsed = 0;
  if (/\bwhile\s+(true|:|\[\s*1\s*\])|\bsleep\s+infinity\b|\btail\s+-f\b/.test(script)) {
    // Loops printing something: show the first line once; runs forever and ignores SIGTERM.
    const m = /echo\s+(['"]?)([^'";&|]*)\1/.exec(script);
    if (m) logs.push(m[2]!.trim());
    return { exitCode: 0, logs, ports: [], stopMs: undefined };
  }
  for (const raw of script.split(/\s*(?:;|&&|\n)\s*/)) {
    const words = raw.trim().match(/'[^']*'|"[^"]*"|\S+/g)?.map((w) => w.replace(/^(['"])(.*)\1$/, '$2')) ?? [];
    if (!words.length) continue;
    const [c, ...rest] = words;
    switch (base(c!)) {
      case 'echo': logs.push(rest.filter((w) => w !== '-n' && w !== '-e').join(' ')); break;
      case 'printf': logs.push(rest.join(' ').replace(/\\n$/, '')); break;
      case 'sleep': {
        const n = parseDuration(rest[0] ?? '0');
        if (n === undefined) return { exitCode: 0, logs, ports: [], stopMs: undefined };
        elapsed += n;
        break;
      }
      case 'exit': return { exitAfterMs: elapsed + 10, exitCode: Number(rest[0] ?? 0) || 0, logs, ports: [], stopMs: undefined };
      case 'false': return { exitAfterMs: elapsed + 10, exitCode: 1, logs, ports: [], stopMs: undefined };
      case 'true': case 'date': case 'hostname': case 'env': case 'printenv': case 'ls': case 'cat': case 'touch': case 'rm': case 'mkdir': break;
      default:
        if (info.behaviour === 'server' && info.cmd.includes(base(c!))) return { exitCode: 0, logs, ports: info.ports, stopMs: info.stopMs };
        break;
    }
  }
  return { exitAfterMs: elapsed + 10, exitCode: 0, logs, ports: [], stopMs: undefined };
}

/** sleep's argument: seconds, or with s/m/h/d suffix; infinity → undefined. */
function parseDuration(s: string): number | undefined {
  if (s === 'infinity' || s === 'inf') return undefined;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(s);
  if (!m) return 0;
  const mult = { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * mult;
}
