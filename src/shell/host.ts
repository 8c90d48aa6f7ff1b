/**
 * A Host is a machine the learner's shell can be on: the workstation, or a container in a pod
 * (entered with `kubectl run -it` / `kubectl exec -it`). It is data plus a command table:
 *
 *   - `fs`: its own virtual filesystem (a container's survives exit/attach while the pod lives);
 *   - `env`: the environment a new shell starts with (for containers: PATH, HOSTNAME, HOME,
 *     KUBERNETES_* and the Service variables the kubelet injects, see `serviceEnv()`);
 *   - `commands`: name → Command (`src/shell/command.ts`), looked up after the shell builtins;
 *   - `dialect`: 'bash' (ubuntu, debian-based images, the workstation) or 'ash' (busybox,
 *     alpine), which decides error texts (`bash: x: command not found` / `sh: x: not found`)
 *     and the default prompt (`root@<pod>:/# ` / `/ # `).
 *
 * Registering container images (engineer G, `src/shell/container/**`): call
 * `registerContainerImages(setup)` with a function that, given a `ContainerSpec`, returns a
 * `ContainerHostParts` (files, commands, dialect, extra env) or undefined to let another
 * setup (or the built-in fallback in `hosts/container.ts`) handle it. The session asks the
 * registered setups in order, newest first. Core utilities for containers come from
 * `coreUtilities()` in `src/shell/utils/index.ts`.
 */
import type { Command } from './command.js';
import type { Vfs } from './vfs.js';

/** 'dash' is Debian's /bin/sh: `kubectl exec -it pod -- sh` in a bash image (see dashHost). */
export type Dialect = 'bash' | 'ash' | 'dash';

export interface Host {
  /** Stable id: 'workstation' or `<ns>/<pod>/<container>@<pod uid>`. */
  id: string;
  /** What LineResult.host reports: 'workstation' or `<pod>/<container>`. */
  label: string;
  hostname: string;
  user: string;
  home: string;
  fs: Vfs;
  env: Record<string, string>;
  commands: Record<string, Command>;
  /** Where `which`/`type` say a command lives; default `/usr/bin/<name>`. */
  paths?: Record<string, string>;
  dialect: Dialect;
  /** Where a new shell starts (the image's WORKDIR for containers, home on the workstation). */
  workdir?: string;
  /** The prompt for a shell in `cwd` on this host (PS1 already expanded). */
  prompt(cwd: string): string;
}

/** What a container setup learns about the container being entered. */
export interface ContainerSpec {
  namespace: string;
  pod: string;
  container: string;
  image: string;
  podIP?: string;
  nodeName?: string;
  /** Environment already computed: PATH, HOSTNAME, HOME, TERM, KUBERNETES_*, service vars, spec env. */
  env: Record<string, string>;
  /** The container's command+args (e.g. ['bash'] or ['nginx','-g','daemon off;']). */
  argv: string[];
}

/** What an image contributes; everything is optional and merged over the fallback. */
export interface ContainerHostParts {
  /** Absolute path → content, written into a fresh fs the first time the container is entered. */
  files?: Record<string, string>;
  commands?: Record<string, Command>;
  paths?: Record<string, string>;
  dialect?: Dialect;
  env?: Record<string, string>;
  /** Default working directory (WORKDIR); '/' if unset. */
  workdir?: string;
}

export type ContainerSetup = (spec: ContainerSpec) => ContainerHostParts | undefined;

const setups: ContainerSetup[] = [];

export function registerContainerImages(setup: ContainerSetup): void {
  if (!setups.includes(setup)) setups.unshift(setup);
}

export function containerSetups(): readonly ContainerSetup[] { return setups; }

/**
 * Whether `name` is a program on this host right now: a registered command counts unless it
 * says `available(fs) === false` (a tool whose binary is not installed yet, see GatedCommand).
 */
export function hostHas(host: Host, name: string): boolean {
  const cmd = host.commands[name] as (Command & { available?(fs: Vfs): boolean }) | undefined;
  return cmd !== undefined && cmd.available?.(host.fs) !== false;
}

/** Shell builtins that are not there on this host (busybox/alpine have no bash until `apk add bash`). */
export function builtinAbsent(host: Host, name: string): boolean {
  return host.dialect === 'ash' && name === 'bash' && !host.fs.exists('/usr/bin/bash') && !host.fs.exists('/bin/bash');
}

/** bash's PS1 `\u@\h:\w\$ `. */
export function bashPrompt(user: string, hostname: string, home: string, cwd: string): string {
  return `${user}@${hostname}:${tildify(cwd, home)}${user === 'root' ? '#' : '$'} `;
}

/** busybox ash's default PS1 `\w \$ `. */
export function ashPrompt(user: string, home: string, cwd: string): string {
  return `${tildify(cwd, home)} ${user === 'root' ? '#' : '$'} `;
}

export function tildify(cwd: string, home: string): string {
  if (home !== '/' && (cwd === home || cwd.startsWith(home + '/'))) return '~' + cwd.slice(home.length);
  return cwd;
}

/**
 * The same container seen through Debian's /bin/sh (dash): prompt `# ` (`$ ` for other users),
 * dash's error texts, no `exit` echo. Files, commands and identity are the container's own.
 */
export function dashHost(host: Host): Host {
  if (host.dialect !== 'bash') return host;
  const dash: Host = Object.create(host) as Host;
  dash.dialect = 'dash';
  dash.prompt = () => (host.user === 'root' ? '# ' : '$ ');
  return dash;
}
