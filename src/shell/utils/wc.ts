/** wc [-lwcm] [FILE...]: GNU column widths (from total size; 7 when stdin is among the inputs). */
import type { Command } from '../command.js';
import { utf8Length } from '../vfs.js';
import { parseOpts, readOperand } from './common.js';

export const wc: Command = async (args, io) => {
  const o = parseOpts('wc', args, io, { flags: 'lwcmL', longMap: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if (!o) return 1;
  let which = ['l', 'w', 'm', 'c'].filter((k) => o.flags.has(k));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const files = o.operands.length ? o.operands : ['-'];
  const rows: { counts: number[]; name: string }[] = [];
  let code = 0;
  let totalSize = 0;
  for (const f of files) {
    const text = readOperand('wc', f, io);
    if (text === undefined) { code = 1; continue; }
    totalSize += utf8Length(text);
    const all: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      m: [...text].length,
      c: utf8Length(text),
    };
    rows.push({ counts: which.map((k) => all[k]!), name: f === '-' && o.operands.length === 0 ? '' : f });
  }
  if (rows.length > 1) rows.push({ counts: which.map((_, i) => rows.reduce((a, r) => a + r.counts[i]!, 0)), name: 'total' });
  const hasStdin = files.includes('-');
  let width = Math.max(String(totalSize).length, hasStdin ? 7 : 1);
  if (which.length === 1 && files.length === 1) width = 1;
  for (const r of rows) io.stdout(r.counts.map((c) => String(c).padStart(width)).join(' ') + (r.name ? ' ' + r.name : '') + '\n');
  return code;
};
