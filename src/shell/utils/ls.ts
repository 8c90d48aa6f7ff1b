/**
 * ls [-laA1dhR] [FILE...]: GNU layout. On a terminal names go in columns (80 wide, filled
 * down then across, like GNU's vertical format); into a pipe one per line.
 */
import type { Command, CommandIO } from '../command.js';
import type { Stat } from '../vfs.js';
import { parseOpts, qa, takeColor } from './common.js';

/** GNU ls's default colour for directories (di=01;34), and the reset it writes first. */
const DIR_COLOR = '\x1b[01;34m';
const RESET = '\x1b[0m';

/** Paints names as GNU ls does: `\x1b[0m` once before the first coloured name. */
class Painter {
  private started = false;
  constructor(private readonly on: boolean) {}
  paint(name: string, isDir: boolean): string {
    if (!this.on || !isDir) return name;
    const lead = this.started ? '' : RESET;
    this.started = true;
    return `${lead}${DIR_COLOR}${name}${RESET}`;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface FsWithStat { stat?(path: string): Stat | undefined }

export function makeLs(now: () => number): Command {
  return async (rawArgs, io) => {
    const { args, color } = takeColor(rawArgs, io);
    const painter = new Painter(color);
    const o = parseOpts('ls', args, io, { flags: 'laA1dhRrtSF', longMap: { all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', recursive: 'R', reverse: 'r' } });
    if (!o) return 2;
    const f = o.flags;
    const operands = o.operands.length ? o.operands : ['.'];
    let code = 0;
    const files: string[] = [];
    const dirs: string[] = [];
    for (const op of operands) {
      const abs = io.fs.resolve(io.cwd, op);
      if (!io.fs.exists(abs)) { io.stderr(`ls: cannot access ${qa(op)}: No such file or directory\n`); code = 2; continue; }
      if (io.fs.isDir(abs) && !f.has('d')) dirs.push(op);
      else files.push(op);
    }
    const blocks: string[] = [];
    if (files.length) blocks.push(render(io, files.sort(), (n) => io.fs.resolve(io.cwd, n), f, now, false, painter));
    const many = operands.length > 1 || f.has('R');
    const listDir = (d: string) => {
      const abs = io.fs.resolve(io.cwd, d);
      let names = io.fs.readdir(abs).filter((n) => f.has('a') || f.has('A') || !n.startsWith('.'));
      names = sortNames(names);
      if (f.has('a')) names = ['.', '..', ...names];
      names = sortBy(io, names, (n) => io.fs.resolve(abs, n), f);
      if (f.has('r')) names.reverse();
      const body = render(io, names, (n) => io.fs.resolve(abs, n), f, now, true, painter);
      blocks.push((many ? `${d}:\n` : '') + body);
      if (f.has('R')) {
        for (const n of names) {
          if (n === '.' || n === '..') continue;
          if (io.fs.isDir(io.fs.resolve(abs, n))) listDir(d === '/' ? '/' + n : `${d}/${n}`);
        }
      }
    };
    for (const d of sortNames(dirs)) listDir(d);
    io.stdout(blocks.join('\n'));
    return code;
  };
}

/** -t (newest first) and -S (largest first); names stay the tie-break. Stable sort keeps it. */
function sortBy(io: CommandIO, names: string[], abs: (n: string) => string, f: Set<string>): string[] {
  const fs = io.fs as typeof io.fs & FsWithStat;
  if (!fs.stat || (!f.has('t') && !f.has('S'))) return names;
  const st = new Map(names.map((n) => [n, fs.stat!(abs(n))]));
  const key = (n: string) => (f.has('S') ? st.get(n)?.size ?? 0 : st.get(n)?.mtime ?? 0);
  return [...names].sort((a, b) => key(b) - key(a));
}

/** The simulated machines run in C / C.UTF-8 locales: plain code-point order. */
function sortNames(names: string[]): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function render(io: CommandIO, names: string[], abs: (n: string) => string, f: Set<string>, now: () => number, isDirListing: boolean, painter: Painter): string {
  if (names.length === 0) return f.has('l') && isDirListing ? 'total 0\n' : '';
  if (f.has('l')) return long(io, names, abs, f, now, isDirListing, painter);
  const dirs = names.map((n) => io.fs.isDir(abs(n)));
  const suffix = (i: number) => (f.has('F') && dirs[i] ? '/' : '');
  const shown = names.map((n, i) => n + suffix(i));
  const paint = (i: number) => painter.paint(names[i]!, dirs[i]!) + suffix(i);
  if (!io.isTTY || f.has('1')) return shown.map((_, i) => paint(i) + '\n').join('');
  return columns(shown, io.columns ?? (Number(io.env.get('COLUMNS')) || 80), paint);
}

/** GNU's vertical multi-column layout: the most columns that fit, column widths = longest + 2. */
export function columns(names: string[], width: number, paint: (index: number) => string = (i) => names[i]!): string {
  let best = { cols: 1, rows: names.length, widths: [Math.max(...names.map((n) => n.length))] };
  for (let cols = 2; cols <= names.length; cols++) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)));
    const total = widths.reduce((a, w) => a + w, 0) + 2 * (cols - 1);
    if (total < width) best = { cols, rows, widths };
  }
  let out = '';
  for (let r = 0; r < best.rows; r++) {
    let pos = 0;
    for (let c = 0; c < best.cols; c++) {
      const n = names[c * best.rows + r];
      if (n === undefined) continue;
      out += paint(c * best.rows + r);
      if (c === best.cols - 1 || names[(c + 1) * best.rows + r] === undefined) break;
      const to = pos + best.widths[c]! + 2;
      out += indent(pos + n.length, to);
      pos = to;
    }
    out += '\n';
  }
  return out;
}

/** GNU ls pads columns with tabs where a tab stop (every 8) lands before the next column. */
function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) { s += '\t'; from += 8 - (from % 8); }
    else { s += ' '; from++; }
  }
  return s;
}

function modeString(st: Stat): string {
  const bits = 'rwxrwxrwx';
  let s = st.type === 'dir' ? 'd' : '-';
  for (let i = 0; i < 9; i++) s += st.mode & (1 << (8 - i)) ? bits[i] : '-';
  return s;
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
}

/** `Nov 26 23:01` within six months of now, else `Nov 26  2025` (GNU's two formats). */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const mon = MONTHS[d.getUTCMonth()]!;
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - mtime < 182.5 * 86400_000 && mtime - now < 3600_000;
  if (recent) return `${mon} ${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${mon} ${day}  ${d.getUTCFullYear()}`;
}

function long(io: CommandIO, names: string[], abs: (n: string) => string, f: Set<string>, now: () => number, isDirListing: boolean, painter: Painter): string {
  const fs = io.fs as typeof io.fs & FsWithStat;
  const rows = names.map((n) => {
    const p = abs(n);
    const st = fs.stat?.(p) ?? { type: io.fs.isDir(p) ? 'dir' : 'file', size: io.fs.isDir(p) ? 4096 : io.fs.readFile(p).length, mode: io.fs.isDir(p) ? 0o755 : 0o644, mtime: now(), owner: 'root' } as Stat;
    const links = st.type === 'dir' ? 2 + io.fs.readdir(p).filter((c) => io.fs.isDir(`${p}/${c}`)).length : 1;
    return { n, st, links };
  });
  // 1K blocks, as GNU counts them for a 4K-block filesystem (`.` and `..` included).
  const total = rows.reduce((a, r) => a + Math.ceil(r.st.size / 4096) * 4, 0);
  const lw = Math.max(...rows.map((r) => String(r.links).length));
  const ow = Math.max(...rows.map((r) => r.st.owner.length));
  const sizes = rows.map((r) => (f.has('h') ? human(r.st.size) : String(r.st.size)));
  const sw = Math.max(...sizes.map((s) => s.length));
  const body = rows.map((r, i) => `${modeString(r.st)} ${String(r.links).padStart(lw)} ${r.st.owner.padEnd(ow)} ${r.st.owner.padEnd(ow)} ${sizes[i]!.padStart(sw)} ${lsDate(r.st.mtime, now())} ${painter.paint(r.n, r.st.type === 'dir')}${f.has('F') && r.st.type === 'dir' ? '/' : ''}\n`).join('');
  return (isDirListing ? `total ${f.has('h') ? human(total * 1024) : total}\n` : '') + body;
}
