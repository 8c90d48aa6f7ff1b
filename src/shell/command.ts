/**
 * What a shell utility (cat, grep, curl, apt, kubectl, ...) sees. Utilities are plain async
 * functions over this; they never touch the terminal or the DOM.
 */
import type { OutputSink, TimeDriver } from './contract.js';

export interface FileSystem {
  readFile(path: string): string;             // throws FsError
  writeFile(path: string, content: string, append?: boolean): void;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  readdir(path: string): string[];            // names, sorted
  mkdir(path: string, recursive?: boolean): void;
  remove(path: string, recursive?: boolean): void;
  rename(from: string, to: string): void;
  resolve(cwd: string, path: string): string; // absolute, normalised
}

export class FsError extends Error {
  constructor(readonly code: 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES', readonly path: string) {
    super(`${code}: ${path}`);
    this.name = 'FsError';
  }
}

export interface CommandIO extends OutputSink {
  /** All of stdin (pipes and redirects are fully buffered in this shell). */
  stdin: string;
  /** True when stdin/stdout are the terminal (no pipe or redirect): tools change output then. */
  isTTY: boolean;
  env: Map<string, string>;
  cwd: string;
  fs: FileSystem;
  signal: AbortSignal;
  time: TimeDriver;
  /** Terminal width when known (ls columns, watch's header); tools fall back to $COLUMNS, then 80. */
  columns?: number;
}

export type Command = (args: string[], io: CommandIO) => Promise<number>;
