/**
 * nano / vi / vim / code: hand the file to the page's editor through an injected hook. The
 * hook resolves when the editor closes (the file is saved through the host's fs meanwhile).
 * Without a hook (headless replay) they print a note and change nothing.
 */
import type { Command } from '../command.js';

export type OpenEditor = (path: string, io: { fs: import('../command.js').FileSystem }) => Promise<void>;

export function makeEditor(name: string, open?: OpenEditor): Command {
  return async (args, io) => {
    const files = args.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
    if (files.length === 0) {
      if (!open) { io.stderr(`${name}: no file given (kubelab opens files in the editor panel: ${name} FILE)\n`); return 1; }
      io.stderr(`${name}: give a file name, e.g. ${name} pod.yaml\n`);
      return 1;
    }
    const path = io.fs.resolve(io.cwd, files[0]!);
    if (io.fs.isDir(path)) { io.stderr(`${name}: ${files[0]}: Is a directory\n`); return 1; }
    if (!open) {
      io.stdout(`[${name}: no editor in this headless session; ${files[0]} left unchanged]\n`);
      return 0;
    }
    await open(path, io);
    return 0;
  };
}
