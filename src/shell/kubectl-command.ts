/**
 * `kubectl` as a workstation command: builds a KubectlContext from the shell (files relative to
 * cwd, stdin, TTY, the session's kubeconfig, virtual sleep, Ctrl-C) and hands interactive
 * requests back to the session, which owns the terminal and the container shells.
 */
import type { ApiClient } from '../cluster/index.js';
import type { InteractiveRequest, KubeConfigState, KubectlContext, KubectlFiles, RunKubectl } from '../kubectl/index.js';
import type { Command, CommandIO } from './command.js';
import { fsErrorText } from './vfs.js';
import type { OpenEditor } from './utils/index.js';

export interface KubectlCommandDeps {
  api(): ApiClient;
  now(): number;
  config(): KubeConfigState;
  run: RunKubectl;
  /** Serves exec/attach/stream; `io` is the kubectl process's own stdio (pipes included). */
  interact(req: InteractiveRequest, io: CommandIO): Promise<number>;
  openEditor?: OpenEditor;
}

/** Go's os errors, which kubectl prints after `error: ...`. */
function goFsError(path: string, e: unknown): string {
  const t = fsErrorText(e).toLowerCase();
  return `open ${path}: ${t}`;
}

export function kubectlFiles(io: CommandIO): KubectlFiles {
  const abs = (p: string) => io.fs.resolve(io.cwd, p);
  return {
    read(path) {
      try { return io.fs.readFile(abs(path)); } catch (e) { throw new Error(goFsError(path, e)); }
    },
    exists: (path) => io.fs.exists(abs(path)),
    isDir: (path) => io.fs.isDir(abs(path)),
    list: (dir) => io.fs.readdir(abs(dir)),
  };
}

let editCounter = 0;

export function makeKubectlCommand(deps: KubectlCommandDeps): Command {
  return async (args, io) => {
    const ctx: KubectlContext = {
      api: deps.api(),
      now: () => deps.now(),
      stdout: (t) => io.stdout(t),
      stderr: (t) => io.stderr(t),
      stdin: io.stdin,
      isTTY: io.isTTY,
      files: kubectlFiles(io),
      config: deps.config(),
      interact: (req) => deps.interact(req, io),
      sleep: async (ms) => { if (!io.signal.aborted) await io.time.sleep(ms, io.signal); },
      signal: io.signal,
    };
    const openEditor = deps.openEditor;
    // Headless there is no editor: behave as if it was closed without changes.
    ctx.edit = async () => null;
    if (openEditor) {
      // kubectl edit writes a temp file and runs $EDITOR on it; so do we, in the page's editor.
      ctx.edit = async (text, fileName) => {
        const path = `/tmp/kubectl-edit-${String(++editCounter).padStart(4, '0')}-${fileName.replace(/[^A-Za-z0-9._-]/g, '-')}`;
        io.fs.writeFile(path, text);
        await openEditor(path, io);
        let saved: string;
        try { saved = io.fs.readFile(path); } catch { return null; }
        io.fs.remove(path);
        return saved === text ? null : saved;
      };
    }
    try {
      return await deps.run(args, ctx);
    } catch (e) {
      // runKubectl never rejects by contract; if it does, say so like a crashed binary would.
      io.stderr(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  };
}
