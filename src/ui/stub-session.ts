/**
 * A stand-in session until the real shell lands: just enough (echo, cat, kubectl get pods)
 * to drive the page and its browser tests. Deleted when src/shell/session.ts is wired.
 */
import type { Session, OutputSink, LineResult, Completion } from '../shell/contract.js';
import type { Runtime, RuntimeOptions } from './runtime.js';

export function createStubRuntime(opts: RuntimeOptions): Runtime {
  let now = opts.startTime;
  const files = new Map<string, string>();
  if (opts.saved) {
    const c = opts.saved.cluster as { now?: unknown };
    const s = opts.saved.shell as { files?: unknown };
    if (typeof c?.now !== 'number' || !Array.isArray(s?.files)) throw new Error('unreadable snapshot');
    now = c.now;
    for (const [k, v] of s.files as [string, string][]) files.set(k, v);
  }
  const session: Session = {
    prompt: () => '\x1b[01;32muser@kubelab\x1b[00m:\x1b[01;34m~\x1b[00m$ ',
    async feed(line: string, out: OutputSink): Promise<LineResult> {
      const m = /^echo (.*?)(?: > (\S+))?$/.exec(line);
      if (m) {
        if (m[2]) files.set(m[2], m[1] + '\n'); else out.stdout(m[1] + '\n');
        return { complete: true, input: line, exitCode: 0 };
      }
      const c = /^cat (\S+)$/.exec(line);
      if (c) {
        const f = files.get(c[1]!);
        if (f === undefined) { out.stderr(`cat: ${c[1]}: No such file or directory\n`); return { complete: true, input: line, exitCode: 1 }; }
        out.stdout(f);
        return { complete: true, input: line, exitCode: 0 };
      }
      if (line === 'kubectl get pods') { out.stderr('No resources found in default namespace.\n'); return { complete: true, input: line, exitCode: 0 }; }
      if (line.trim() === '' || line === '\x04' || line === '\x03') return { complete: true, input: line, exitCode: 0 };
      out.stderr(`${line.split(' ')[0]}: command not found\n`);
      return { complete: true, input: line, exitCode: 127 };
    },
    complete(line: string): Completion {
      const w = line.slice(line.lastIndexOf(' ') + 1);
      return { replaceFrom: line.length - w.length, candidates: ['kubectl', 'cat', 'echo'].filter((x) => x.startsWith(w)) };
    },
  };
  return {
    session,
    seed: opts.seed,
    clock: { now: () => now, advance: (ms) => { now += ms; } },
    snapshot: () => ({ cluster: { now }, shell: { files: [...files] } }),
    writeFile: (p, content) => { files.set(p, content); },
  };
}
