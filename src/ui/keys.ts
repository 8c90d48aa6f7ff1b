/**
 * Splits terminal input (xterm `onData`: typed keys, escape sequences, pasted text) into
 * single keys, so the line editor can act on them one by one. Pure.
 */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i]!;
    if (c === '\x1b') {
      const n = data[i + 1];
      if (n === undefined) { keys.push(c); i++; continue; }
      if (n === '[') {
        // CSI: parameters then one final byte in @..~
        let j = i + 2;
        while (j < data.length && /[0-9;?]/.test(data[j]!)) j++;
        const end = Math.min(j + 1, data.length);
        const seq = data.slice(i, end);
        // Bracketed-paste markers carry no key of their own.
        if (seq !== '\x1b[200~' && seq !== '\x1b[201~') keys.push(seq);
        i = end;
        continue;
      }
      if (n === 'O') { keys.push(data.slice(i, i + 3)); i += 3; continue; }
      keys.push(data.slice(i, i + 2)); // Alt+key (readline's Meta)
      i += 2;
      continue;
    }
    if (c === '\r' && data[i + 1] === '\n') { keys.push('\r'); i += 2; continue; }
    if (c === '\n') { keys.push('\r'); i++; continue; }
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < data.length) { keys.push(data.slice(i, i + 2)); i += 2; continue; }
    keys.push(c);
    i++;
  }
  return keys;
}

// CSI, OSC (terminated by BEL or ST) and two-byte escapes.
const ANSI_RE = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** Plain text of terminal output (for the embed API's `commandRun.output`). */
export function stripAnsi(s: string): string {
  return s.replace(ANSI_RE, '');
}

/** Output uses '\n'; xterm needs '\r\n' to return to column 0. */
export function toTerminalNewlines(s: string): string {
  return s.replace(/\r?\n/g, '\r\n');
}

/**
 * Whether the terminal cursor is at column 0 after `t` was written (`prev`: before it).
 * Trailing escapes that print nothing keep the column; a cursor move to column 1 (`clear`
 * ends with ESC[H ESC[2J ESC[3J) puts it there. The prompt starts on a fresh row otherwise.
 */
export function endsAtLineStart(t: string, prev: boolean): boolean {
  let s = t;
  for (;;) {
    const m = /\x1b\[([0-9;?]*)([A-Za-z])$/.exec(s);
    if (!m) break;
    const [seq, params, final] = m as unknown as [string, string, string];
    if (final === 'H' || final === 'f') { const col = params.split(';')[1]; if (col === undefined || col === '' || col === '1') return true; }
    if (final === 'G' && (params === '' || params === '1')) return true;
    s = s.slice(0, -seq.length);
  }
  if (s === '') return prev;
  const c = s[s.length - 1];
  return c === '\n' || c === '\r';
}
