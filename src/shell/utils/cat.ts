/** cat [-n] [FILE...]: concatenate files (or stdin) to stdout. */
import type { Command } from '../command.js';
import { parseOpts, readOperand } from './common.js';

export const cat: Command = async (args, io) => {
  const o = parseOpts('cat', args, io, { flags: 'nAEsTuv', longMap: { number: 'n' } });
  if (!o) return 1;
  const files = o.operands.length ? o.operands : ['-'];
  let code = 0;
  let lineNo = 0;
  for (const f of files) {
    const text = readOperand('cat', f, io);
    if (text === undefined) { code = 1; continue; }
    if (o.flags.has('n')) {
      const parts = text.split('\n');
      const out = parts.map((l, i) => (i === parts.length - 1 && l === '' ? '' : `${String(++lineNo).padStart(6)}\t${l}`));
      io.stdout(out.join('\n'));
    } else io.stdout(text);
  }
  return code;
};

/** busybox cat: `can't open 'X': ...` for a file it cannot open (coreutils says `cat: X: ...`). */
export const busyboxCat: Command = async (args, io) => {
  const wrapped = { ...io, stderr: (t: string) => io.stderr(t.replace(/^cat: (.*): (No such file or directory|Permission denied|Not a directory)\n$/s, "cat: can't open '$1': $2\n").replace(/^cat: .*: Is a directory\n$/s, 'cat: read error: Is a directory\n')) };
  return cat(args, wrapped);
};
