/** touch, mkdir [-p], rm [-rf], cp [-r], mv, tee [-a]: GNU messages and exit codes. */
import type { Command, CommandIO } from '../command.js';
import type { Vfs } from '../vfs.js';
import { fsErrorText } from '../vfs.js';
import { parseOpts, q, qa } from './common.js';

const abs = (io: CommandIO, p: string) => io.fs.resolve(io.cwd, p);
const missing = (name: string, io: CommandIO) => {
  io.stderr(`${name}: missing operand\nTry '${name} --help' for more information.\n`);
  return 1;
};

export const touch: Command = async (args, io) => {
  const o = parseOpts('touch', args, io, { flags: 'acm' });
  if (!o) return 1;
  if (!o.operands.length) { io.stderr("touch: missing file operand\nTry 'touch --help' for more information.\n"); return 1; }
  let code = 0;
  for (const f of o.operands) {
    try {
      const fs = io.fs as Partial<Vfs>;
      if (fs.touch) fs.touch(abs(io, f));
      else if (!io.fs.exists(abs(io, f))) io.fs.writeFile(abs(io, f), '');
    } catch (e) {
      io.stderr(`touch: cannot touch ${qa(f)}: ${fsErrorText(e)}\n`);
      code = 1;
    }
  }
  return code;
};

export const mkdir: Command = async (args, io) => {
  const o = parseOpts('mkdir', args, io, { flags: 'pv', values: 'm', longMap: { parents: 'p', verbose: 'v', mode: 'm' } });
  if (!o) return 1;
  if (!o.operands.length) return missing('mkdir', io);
  let code = 0;
  for (const d of o.operands) {
    try {
      if (o.flags.has('p') && io.fs.isDir(abs(io, d))) continue;
      io.fs.mkdir(abs(io, d), o.flags.has('p'));
      if (o.flags.has('v')) io.stdout(`mkdir: created directory ${q(io, d)}\n`);
    } catch (e) {
      io.stderr(`mkdir: cannot create directory ${q(io, d)}: ${fsErrorText(e)}\n`);
      code = 1;
    }
  }
  return code;
};

export const rm: Command = async (args, io) => {
  const o = parseOpts('rm', args, io, { flags: 'rRfidv', longMap: { recursive: 'r', force: 'f', dir: 'd', verbose: 'v' } });
  if (!o) return 1;
  const force = o.flags.has('f');
  const recursive = o.flags.has('r') || o.flags.has('R');
  if (!o.operands.length) return force ? 0 : missing('rm', io);
  let code = 0;
  for (const f of o.operands) {
    const p = abs(io, f);
    if (!io.fs.exists(p)) {
      if (!force) { io.stderr(`rm: cannot remove ${qa(f)}: No such file or directory\n`); code = 1; }
      continue;
    }
    if (io.fs.isDir(p) && !recursive) {
      if (o.flags.has('d') && io.fs.readdir(p).length === 0) { io.fs.remove(p); continue; }
      io.stderr(`rm: cannot remove ${qa(f)}: Is a directory\n`);
      code = 1;
      continue;
    }
    if (p === '/') { io.stderr("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"); code = 1; continue; }
    io.fs.remove(p, true);
    if (o.flags.has('v')) io.stdout(`removed ${qa(f)}\n`);
  }
  return code;
};

function copyOrMove(name: 'cp' | 'mv'): Command {
  return async (args, io) => {
    const o = parseOpts(name, args, io, { flags: 'rRfivpa', longMap: { recursive: 'r', force: 'f', verbose: 'v' } });
    if (!o) return 1;
    const ops = o.operands;
    if (ops.length === 0) return missing(name, io);
    if (ops.length === 1) {
      io.stderr(`${name}: missing destination file operand after ${qa(ops[0]!)}\nTry '${name} --help' for more information.\n`);
      return 1;
    }
    const dest = ops[ops.length - 1]!;
    const destAbs = abs(io, dest);
    const sources = ops.slice(0, -1);
    const destIsDir = io.fs.isDir(destAbs);
    if (sources.length > 1 && !destIsDir) {
      io.stderr(`${name}: target ${qa(dest)}: ${io.fs.exists(destAbs) ? 'Not a directory' : 'No such file or directory'}\n`);
      return 1;
    }
    let code = 0;
    for (const s of sources) {
      const sAbs = abs(io, s);
      if (!io.fs.exists(sAbs)) { io.stderr(`${name}: cannot stat ${qa(s)}: No such file or directory\n`); code = 1; continue; }
      const target = destIsDir ? io.fs.resolve(destAbs, sAbs.slice(sAbs.lastIndexOf('/') + 1)) : destAbs;
      if (target === sAbs) { io.stderr(`${name}: ${qa(s)} and ${qa(dest)} are the same file\n`); code = 1; continue; }
      try {
        if (name === 'mv') {
          if (target.startsWith(sAbs + '/')) {
            io.stderr(`mv: cannot move ${qa(s)} to a subdirectory of itself, ${qa(destIsDir ? `${dest.replace(/\/$/, '')}/${sAbs.slice(sAbs.lastIndexOf('/') + 1)}` : dest)}\n`);
            code = 1;
            continue;
          }
          if (io.fs.exists(target) && !io.fs.isDir(target)) io.fs.remove(target);
          io.fs.rename(sAbs, target);
        } else if (io.fs.isDir(sAbs)) {
          if (!o.flags.has('r') && !o.flags.has('R') && !o.flags.has('a')) { io.stderr(`cp: -r not specified; omitting directory ${qa(s)}\n`); code = 1; continue; }
          if (target.startsWith(sAbs + '/')) { io.stderr(`cp: cannot copy a directory, ${qa(s)}, into itself, ${qa(destIsDir ? `${dest.replace(/\/$/, '')}/${sAbs.slice(sAbs.lastIndexOf('/') + 1)}` : dest)}\n`); code = 1; continue; }
          const fs = io.fs as Partial<Vfs>;
          if (fs.copyTree) fs.copyTree(sAbs, target);
        } else io.fs.writeFile(target, io.fs.readFile(sAbs));
      } catch (e) {
        io.stderr(name === 'cp' ? `cp: cannot create regular file ${qa(dest)}: ${fsErrorText(e)}\n` : `mv: cannot move ${qa(s)} to ${qa(dest)}: ${fsErrorText(e)}\n`);
        code = 1;
      }
    }
    return code;
  };
}

export const cp = copyOrMove('cp');
export const mv = copyOrMove('mv');

export const tee: Command = async (args, io) => {
  const o = parseOpts('tee', args, io, { flags: 'ai', longMap: { append: 'a' } });
  if (!o) return 1;
  let code = 0;
  for (const f of o.operands) {
    try { io.fs.writeFile(abs(io, f), io.stdin, o.flags.has('a')); } catch (e) {
      io.stderr(`tee: ${f}: ${fsErrorText(e)}\n`);
      code = 1;
    }
  }
  io.stdout(io.stdin);
  return code;
};
