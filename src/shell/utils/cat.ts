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
