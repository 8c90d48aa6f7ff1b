/** Small utilities: pwd, true, false, yes, clear, whoami, hostname, sleep, base64. */
import type { Command } from '../command.js';
import { parseOpts, q, readOperand, sleepFor } from './common.js';

export const pwd: Command = async (_args, io) => { io.stdout(io.cwd + '\n'); return 0; };
export const trueCmd: Command = async () => 0;
export const falseCmd: Command = async () => 1;

/** Stops when the pipe reader is gone (the shell aborts the stage) or on Ctrl-C. */
export const yes: Command = async (args, io) => {
  const line = (args.length ? args.join(' ') : 'y') + '\n';
  const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
  for (let i = 0; !io.signal.aborted; i++) {
    io.stdout(chunk);
    // On a terminal yes never ends: let the page breathe and Ctrl-C land.
    if (io.isTTY && i % 16 === 15 && !(await sleepFor(io, 10))) break;
  }
  return io.isTTY ? 130 : 141;
};

/** What `clear` writes on xterm: home, erase screen, erase scrollback. */
export const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J';
export const clear: Command = async (_args, io) => { io.stdout(CLEAR_SEQUENCE); return 0; };

export function makeWhoami(user: string): Command {
  return async (args, io) => {
    if (args.length) { io.stderr(`whoami: extra operand ${q(io, args[0]!)}\nTry 'whoami --help' for more information.\n`); return 1; }
    io.stdout(user + '\n');
    return 0;
  };
}

export function makeHostname(hostname: string, ip?: string): Command {
  return async (args, io) => {
    if (args[0] === '-i' || args[0] === '-I') { io.stdout((ip ?? '127.0.1.1') + (args[0] === '-I' ? ' ' : '') + '\n'); return 0; }
    io.stdout(hostname + '\n');
    return 0;
  };
}

/** `sleep 5`, `sleep 0.5`, `sleep 1m 30s`: waits through the TimeDriver (virtual time headless). */
export const sleep: Command = async (args, io) => {
  if (args.length === 0) { io.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n"); return 1; }
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) { io.stderr(`sleep: invalid time interval ${q(io, a)}\nTry 'sleep --help' for more information.\n`); return 1; }
    ms += Number(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  return (await sleepFor(io, ms)) ? 0 : 130;
};

export const base64: Command = async (args, io) => {
  const o = parseOpts('base64', args, io, { flags: 'di', values: 'w', longMap: { decode: 'd', wrap: 'w', 'ignore-garbage': 'i' } });
  if (!o) return 1;
  const text = readOperand('base64', o.operands[0] ?? '-', io);
  if (text === undefined) return 1;
  if (o.flags.has('d')) {
    const clean = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) { io.stderr('base64: invalid input\n'); return 1; }
    const bin = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
    io.stdout(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    return 0;
  }
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const enc = btoa(bin);
  const wrap = Number(o.values.get('w')?.at(-1) ?? 76);
  const out = wrap > 0 ? (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n') : enc;
  io.stdout(out + (out ? '\n' : ''));
  return 0;
};

/** less / more: kubelab has no pager, so they print everything (as `less` does into a pipe). */
export const pager: Command = async (args, io) => {
  const files = args.filter((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (files.length === 0) { io.stdout(io.stdin); return 0; }
  let code = 0;
  for (const f of files) {
    const text = readOperand('less', f, io);
    if (text === undefined) code = 1;
    else io.stdout(text);
  }
  return code;
};
