/**
 * An in-memory filesystem for one host (the workstation or a container). Plain data inside,
 * so a whole tree serialises to JSON with the session. Times come from an injected clock.
 */
import { FsError, type FileSystem } from './command.js';

export interface FileNode { t: 'f'; content: string; mode: number; mtime: number }
export interface DirNode { t: 'd'; children: Record<string, VfsNode>; mode: number; mtime: number }
export type VfsNode = FileNode | DirNode;

export interface VfsSnapshot { root: DirNode; owner: string }

export interface Stat { type: 'file' | 'dir'; size: number; mode: number; mtime: number; owner: string }

export interface VfsOptions {
  now: () => number;
  /** Owner and group shown by `ls -l` ('learner' on the workstation, 'root' in containers). */
  owner?: string;
  snapshot?: VfsSnapshot;
}

export class Vfs implements FileSystem {
  private root: DirNode;
  readonly owner: string;
  private readonly now: () => number;

  constructor(opts: VfsOptions) {
    this.now = opts.now;
    this.owner = opts.snapshot?.owner ?? opts.owner ?? 'root';
    this.root = opts.snapshot ? structuredCloneDir(opts.snapshot.root) : { t: 'd', children: {}, mode: 0o755, mtime: opts.now() };
  }

  snapshot(): VfsSnapshot { return { root: structuredCloneDir(this.root), owner: this.owner }; }

  resolve(cwd: string, path: string): string {
    const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
    const out: string[] = [];
    for (const seg of joined.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
    return '/' + out.join('/');
  }

  private parts(path: string): string[] { return this.resolve('/', path).split('/').filter(Boolean); }

  /** The node at an absolute path; throws ENOENT / ENOTDIR like the kernel would. */
  private lookup(path: string): VfsNode {
    let node: VfsNode = this.root;
    for (const seg of this.parts(path)) {
      if (node.t !== 'd') throw new FsError('ENOTDIR', path);
      const next: VfsNode | undefined = node.children[seg];
      if (!next) throw new FsError('ENOENT', path);
      node = next;
    }
    return node;
  }

  private find(path: string): VfsNode | undefined {
    try { return this.lookup(path); } catch { return undefined; }
  }

  /** The parent directory and base name of a path that is about to be created. */
  private parentOf(path: string): { dir: DirNode; name: string } {
    const parts = this.parts(path);
    const name = parts.pop();
    if (name === undefined) throw new FsError('EISDIR', path);
    const dir = this.lookup('/' + parts.join('/'));
    if (dir.t !== 'd') throw new FsError('ENOTDIR', path);
    return { dir, name };
  }

  readFile(path: string): string {
    const n = this.lookup(path);
    if (n.t === 'd') throw new FsError('EISDIR', path);
    return n.content;
  }

  writeFile(path: string, content: string, append = false): void {
    const existing = this.find(path);
    if (existing?.t === 'd') throw new FsError('EISDIR', path);
    if (existing) {
      existing.content = append ? existing.content + content : content;
      existing.mtime = this.now();
      return;
    }
    const { dir, name } = this.parentOf(path);
    dir.children[name] = { t: 'f', content, mode: 0o644, mtime: this.now() };
    dir.mtime = this.now();
  }

  exists(path: string): boolean { return this.find(path) !== undefined; }
  isDir(path: string): boolean { return this.find(path)?.t === 'd'; }

  readdir(path: string): string[] {
    const n = this.lookup(path);
    if (n.t !== 'd') throw new FsError('ENOTDIR', path);
    return Object.keys(n.children).sort();
  }

  mkdir(path: string, recursive = false): void {
    if (recursive) {
      let node: DirNode = this.root;
      for (const seg of this.parts(path)) {
        const next: VfsNode | undefined = node.children[seg];
        if (next?.t === 'f') throw new FsError('ENOTDIR', path);
        if (!next) node.children[seg] = { t: 'd', children: {}, mode: 0o755, mtime: this.now() };
        node = node.children[seg] as DirNode;
      }
      return;
    }
    if (this.exists(path)) throw new FsError('EEXIST', path);
    const { dir, name } = this.parentOf(path);
    dir.children[name] = { t: 'd', children: {}, mode: 0o755, mtime: this.now() };
    dir.mtime = this.now();
  }

  remove(path: string, recursive = false): void {
    const n = this.lookup(path);
    if (n.t === 'd' && !recursive && Object.keys(n.children).length > 0) throw new FsError('ENOTEMPTY', path);
    const { dir, name } = this.parentOf(path);
    delete dir.children[name];
    dir.mtime = this.now();
  }

  rename(from: string, to: string): void {
    const n = this.lookup(from);
    const a = this.resolve('/', from);
    const b = this.resolve('/', to);
    if (b === a) return;
    // Moving a directory into itself would detach it from the tree.
    if (b.startsWith(a + '/')) throw new FsError('EACCES', to);
    const dst = this.parentOf(to);
    const src = this.parentOf(from);
    delete src.dir.children[src.name];
    dst.dir.children[dst.name] = n;
  }

  stat(path: string): Stat | undefined {
    const n = this.find(path);
    if (!n) return undefined;
    return n.t === 'f'
      ? { type: 'file', size: utf8Length(n.content), mode: n.mode, mtime: n.mtime, owner: this.owner }
      : { type: 'dir', size: 4096, mode: n.mode, mtime: n.mtime, owner: this.owner };
  }

  /** Updates mtime (touch) or creates an empty file. */
  touch(path: string): void {
    const n = this.find(path);
    if (n) n.mtime = this.now();
    else this.writeFile(path, '');
  }

  chmod(path: string, mode: number): void { this.lookup(path).mode = mode; }

  /** Copies a subtree (cp -r); `to` must not exist yet. */
  copyTree(from: string, to: string): void {
    const n = this.lookup(from);
    const { dir, name } = this.parentOf(to);
    dir.children[name] = n.t === 'd' ? structuredCloneDir(n) : { ...n, mtime: this.now() };
  }
}

function structuredCloneDir(d: DirNode): DirNode {
  return JSON.parse(JSON.stringify(d)) as DirNode;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Files given as a flat map (path relative to `base` → content), e.g. lesson files. */
export function writeTree(fs: Vfs, base: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const abs = fs.resolve(base, rel);
    fs.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', true);
    fs.writeFile(abs, content);
  }
}

/** GNU-style message for an fs error: `No such file or directory` etc. */
export function fsErrorText(e: unknown): string {
  if (e instanceof FsError) {
    switch (e.code) {
      case 'ENOENT': return 'No such file or directory';
      case 'EISDIR': return 'Is a directory';
      case 'ENOTDIR': return 'Not a directory';
      case 'EEXIST': return 'File exists';
      case 'ENOTEMPTY': return 'Directory not empty';
      case 'EACCES': return 'Permission denied';
    }
  }
  return e instanceof Error ? e.message : String(e);
}
