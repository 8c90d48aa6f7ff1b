/** sort [-nruf] [-k N[,M]] [-t SEP] and uniq [-cdu]. C-locale byte order (the images' locale). */
import type { Command } from '../command.js';
import { joinLines, lastValue, lines, parseOpts, q, readOperand } from './common.js';

function field(line: string, k: number, sep: string | undefined): string {
  const parts = sep !== undefined ? line.split(sep) : line.trim().split(/\s+/);
  return parts[k - 1] ?? '';
}

export const sort: Command = async (args, io) => {
  const o = parseOpts('sort', args, io, { flags: 'nrufbhV', values: 'kto', longMap: { numeric: 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', key: 'k', 'field-separator': 't' } });
  if (!o) return 2;
  let text = '';
  for (const f of o.operands.length ? o.operands : ['-']) {
    const t = readOperand('sort', f, io, (file, err) => `sort: cannot read: ${file}: ${err}\n`);
    if (t === undefined) return 2;
    text += t;
  }
  const keySpec = lastValue(o, 'k');
  const sep = lastValue(o, 't');
  const km = keySpec ? /^(\d+)(?:\.\d+)?([nr]*)(?:,(\d+))?/.exec(keySpec) : null;
  if (keySpec && !km) { io.stderr(`sort: invalid number at field start: invalid count at start of ${q(io, keySpec)}\n`); return 2; }
  const numeric = o.flags.has('n') || o.flags.has('h') || (km?.[2] ?? '').includes('n');
  const reverse = o.flags.has('r') || (km?.[2] ?? '').includes('r');
  const keyOf = (l: string) => {
    let k = km ? (km[3] && km[3] !== km[1] ? (sep !== undefined ? l.split(sep) : l.trim().split(/\s+/)).slice(Number(km[1]) - 1, Number(km[3])).join(sep ?? ' ') : field(l, Number(km[1]), sep)) : l;
    if (o.flags.has('f')) k = k.toUpperCase();
    return k;
  };
  const cmp = (a: string, b: string): number => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (numeric) {
      const na = parseFloat(ka) || 0;
      const nb = parseFloat(kb) || 0;
      if (na !== nb) return na - nb;
    } else if (ka !== kb) return ka < kb ? -1 : 1;
    if (o.flags.has('u')) return 0;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let ls = lines(text).sort((a, b) => (reverse ? -cmp(a, b) : cmp(a, b)));
  if (o.flags.has('u')) ls = ls.filter((l, i) => i === 0 || cmp(ls[i - 1]!, l) !== 0);
  io.stdout(joinLines(ls));
  return 0;
};

export const uniq: Command = async (args, io) => {
  const o = parseOpts('uniq', args, io, { flags: 'cdui', longMap: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if (!o) return 1;
  const text = readOperand('uniq', o.operands[0] ?? '-', io);
  if (text === undefined) return 1;
  const groups: { line: string; n: number }[] = [];
  const same = (a: string, b: string) => (o.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  for (const l of lines(text)) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  let out = '';
  for (const g of groups) {
    if (o.flags.has('d') && g.n < 2) continue;
    if (o.flags.has('u') && g.n > 1) continue;
    out += (o.flags.has('c') ? `${String(g.n).padStart(7)} ` : '') + g.line + '\n';
  }
  if (o.operands[1]) io.fs.writeFile(io.fs.resolve(io.cwd, o.operands[1]), out);
  else io.stdout(out);
  return 0;
};
