import { describe, it, expect } from 'vitest';
import { LineEditor, columns, commonPrefix } from '../../src/ui/line-editor.js';
import { History } from '../../src/ui/history.js';
import { splitKeys, endsAtLineStart, stripAnsi } from '../../src/ui/keys.js';
import { headless, cursorOf } from './helpers.js';
import type { Completion } from '../../src/shell/index.js';

function setup(opts: { cols?: number; history?: string[]; complete?: (l: string) => Completion } = {}) {
  const t = headless(opts.cols ?? 40);
  const history = new History(opts.history ?? []);
  const ed = new LineEditor({
    write: t.write,
    cols: () => t.term.cols,
    history,
    complete: opts.complete ?? ((l) => ({ replaceFrom: l.length, candidates: [] })),
  });
  ed.start('$ ');
  return { ...t, ed, history };
}

describe('splitKeys', () => {
  it('splits escape sequences, Alt keys and text', () => {
    expect(splitKeys('ab\x1b[A\x1bb\x1b[3~\x1bOH\r\n\x03')).toEqual(['a', 'b', '\x1b[A', '\x1bb', '\x1b[3~', '\x1bOH', '\r', '\x03']);
  });
  it('drops bracketed-paste markers', () => {
    expect(splitKeys('\x1b[200~x\x1b[201~')).toEqual(['x']);
  });
});

describe('terminal text helpers', () => {
  it('knows when output leaves the cursor at column 0', () => {
    expect(endsAtLineStart('a\n', false)).toBe(true);
    expect(endsAtLineStart('no newline', true)).toBe(false);
    expect(endsAtLineStart('\x1b[33mWarning\x1b[0m\n\x1b[0m', false)).toBe(true);
    expect(endsAtLineStart('\x1b[H\x1b[2J\x1b[3J', false)).toBe(true);
    expect(endsAtLineStart('\x1b[0m', true)).toBe(true);
    expect(endsAtLineStart('x\x1b[5;3H', true)).toBe(false);
  });
  it('strips colours for plain-text records', () => {
    expect(stripAnsi('\x1b[33mWarning:\x1b[0m x\x1b]0;title\x07')).toBe('Warning: x');
  });
});

describe('LineEditor', () => {
  it('inserts, moves and deletes like readline', async () => {
    const s = setup();
    s.ed.handle('kubectl get pods');
    s.ed.handle('\x01');                 // Ctrl-A
    s.ed.handle('\x1b[3~');              // Delete
    s.ed.handle('K');
    s.ed.handle('\x05\x7f\x7f');         // Ctrl-E, 2x backspace
    expect(s.ed.line).toBe('Kubectl get po');
    expect(await s.screen()).toEqual(['$ Kubectl get po']);
    await s.screen();
    expect(cursorOf(s.term)).toEqual([0, 16]);
  });

  it('kills and yanks words (Ctrl-W, Alt-D, Ctrl-K, Ctrl-U, Ctrl-Y)', () => {
    const s = setup();
    s.ed.handle('kubectl get pods -o wide');
    s.ed.handle('\x17');                 // Ctrl-W kills "wide"
    expect(s.ed.line).toBe('kubectl get pods -o ');
    s.ed.handle('\x01\x1bd');            // Alt-D kills "kubectl"
    expect(s.ed.line).toBe(' get pods -o ');
    s.ed.handle('\x19');                 // Ctrl-Y yanks it back
    expect(s.ed.line).toBe('kubectl get pods -o ');
    s.ed.handle('\x05\x1bb\x1bb\x0b');   // Ctrl-E, Alt-B twice, Ctrl-K
    expect(s.ed.line).toBe('kubectl get ');
    s.ed.handle('\x1bf\x15');            // Ctrl-U kills to start
    expect(s.ed.line).toBe('');
  });

  it('Alt-F and Alt-B stop at word boundaries', () => {
    const s = setup();
    s.ed.handle('get svc/my-svc');
    s.ed.handle('\x01\x1bf');
    expect(s.ed.cursor).toBe(3);
    s.ed.handle('\x1bf\x1bf');
    expect(s.ed.cursor).toBe(10);
    s.ed.handle('\x1bb');
    expect(s.ed.cursor).toBe(8);
  });

  it('Enter submits the line and leaves the rest of the input for later', () => {
    const s = setup();
    const r = s.ed.handle('echo a\recho b\r');
    expect(r.action).toEqual({ type: 'submit', line: 'echo a' });
    expect(r.rest).toBe('echo b\r');
  });

  it('Ctrl-D sends EOF only on an empty line; otherwise deletes', () => {
    const s = setup();
    s.ed.handle('ab\x01');
    expect(s.ed.handle('\x04').action).toBeUndefined();
    expect(s.ed.line).toBe('b');
    s.ed.handle('\x04');
    expect(s.ed.handle('\x04').action).toEqual({ type: 'eof' });
  });

  it('Ctrl-C prints ^C and interrupts the line', async () => {
    const s = setup();
    expect(s.ed.handle('abc\x03').action).toEqual({ type: 'interrupt' });
    expect(await s.screen()).toEqual(['$ abc^C']);
  });

  it('walks history with arrows and keeps the line being edited', () => {
    const s = setup({ history: ['one', 'two'] });
    s.ed.handle('new');
    s.ed.handle('\x1b[A');
    expect(s.ed.line).toBe('two');
    s.ed.handle('\x1b[A\x1b[A');
    expect(s.ed.line).toBe('one');
    s.ed.handle('\x1b[B\x1b[B');
    expect(s.ed.line).toBe('new');
  });

  it('Ctrl-R searches history backwards; Enter runs the match', async () => {
    const s = setup({ cols: 60, history: ['kubectl get pods', 'ls', 'kubectl get svc', 'pwd'] });
    s.ed.handle('\x12kub');
    expect((await s.screen())[0]).toBe("(reverse-i-search)`kub': kubectl get svc");
    s.ed.handle('\x12');
    expect((await s.screen())[0]).toBe("(reverse-i-search)`kub': kubectl get pods");
    const r = s.ed.handle('\r');
    expect(r.action).toEqual({ type: 'submit', line: 'kubectl get pods' });
    expect((await s.screen())[0]).toBe('$ kubectl get pods');
  });

  it('Ctrl-R then an arrow key accepts the match for editing', () => {
    const s = setup({ history: ['kubectl get pods'] });
    s.ed.handle('\x12pods\x1b[C');
    expect(s.ed.line).toBe('kubectl get pods');
  });

  it('Tab completes a single candidate and adds a space', () => {
    const s = setup({ complete: (l) => (l === 'kubectl ge' ? { replaceFrom: 8, candidates: ['get'] } : { replaceFrom: l.length, candidates: [] }) });
    s.ed.handle('kubectl ge\t');
    expect(s.ed.line).toBe('kubectl get ');
  });

  it('Tab inserts the common prefix, a second Tab lists candidates in columns', async () => {
    const s = setup({ complete: (l) => ({ replaceFrom: 8, candidates: ['describe', 'delete', 'debug'].filter((c) => c.startsWith(l.slice(8))) }) });
    s.ed.handle('kubectl d\t');
    expect(s.ed.line).toBe('kubectl de');
    s.ed.handle('\t');
    expect(await s.screen()).toEqual(['$ kubectl de', 'debug     delete    describe', '$ kubectl de']);
  });

  it('keeps the cursor right on lines that wrap, at the exact width too', async () => {
    const s = setup({ cols: 10 });
    s.ed.handle('12345678');              // 2 + 8 = exactly 10 columns
    await s.screen();
    expect(cursorOf(s.term)).toEqual([1, 0]);
    s.ed.handle('9abcdefghij');
    expect(await s.screen()).toEqual(['$ 12345678', '9abcdefghi', 'j']);
    s.ed.handle('\x01');
    await s.screen();
    expect(cursorOf(s.term)).toEqual([0, 2]);
    s.ed.handle('X');
    expect(await s.screen()).toEqual(['$ X1234567', '89abcdefgh', 'ij']);
    await s.screen();
    expect(cursorOf(s.term)).toEqual([0, 3]);
    s.ed.handle('\x05\x7f\x7f\x7f');
    expect(await s.screen()).toEqual(['$ X1234567', '89abcdefg']);
  });

  it('a long pasted line is drawn once, not once per character', () => {
    let written = 0;
    const ed = new LineEditor({ write: (t) => { written += t.length; }, cols: () => 80, history: new History(), complete: () => ({ replaceFrom: 0, candidates: [] }) });
    ed.start('$ ');
    ed.handle('x'.repeat(5000));
    expect(ed.line).toHaveLength(5000);
    expect(written).toBeLessThan(6000);
  });

  it('after a resize (xterm reflows the rows) editing still draws in place', async () => {
    const s = setup({ cols: 40 });
    s.ed.handle('kubectl get pods --all-namespaces -o wide --show-labels');
    await s.screen();
    s.term.resize(20, 10);
    s.ed.resized();
    s.ed.handle('\x01X');
    const rows = await s.screen();
    expect(rows.join('')).toBe('$ Xkubectl get pods --all-namespaces -o wide --show-labels');
    expect(rows.every((r) => r.length <= 20)).toBe(true);
  });

  it('prompt colours take no columns', async () => {
    const t = headless(20);
    const ed = new LineEditor({ write: t.write, cols: () => 20, history: new History(), complete: () => ({ replaceFrom: 0, candidates: [] }) });
    ed.start('\x1b[32mu@h\x1b[0m$ ');
    ed.handle('abc\x02');
    await t.screen();
    expect(cursorOf(t.term)).toEqual([0, 7]);
  });
});

describe('wide and combining characters (xterm with Unicode 11 widths, as in the page)', () => {
  async function wide(cols: number) {
    const s = setup({ cols });
    const { Unicode11Addon } = await import('@xterm/addon-unicode11');
    s.term.loadAddon(new Unicode11Addon());
    s.term.unicode.activeVersion = '11';
    return s;
  }

  it('puts the cursor on the right cell after CJK text and moves one character per arrow', async () => {
    const s = await wide(40);
    s.ed.handle('echo 你好');
    await s.screen();
    expect(cursorOf(s.term)).toEqual([0, 11]);
    s.ed.handle('\x1b[D');
    await s.screen();
    expect(cursorOf(s.term)).toEqual([0, 9]);
    s.ed.handle('X');
    expect(s.ed.line).toBe('echo 你X好');
    expect(await s.screen()).toEqual(['$ echo 你X好']);
    expect(cursorOf(s.term)).toEqual([0, 10]);
  });

  it('deletes a whole emoji (two UTF-16 units) and a letter with its combining mark', async () => {
    const s = await wide(40);
    s.ed.handle('a🙂e\u0301b\x1b[D\x7f');
    expect(s.ed.line).toBe('a🙂b');
    s.ed.handle('\x7f');
    expect(s.ed.line).toBe('ab');
    await s.screen();
    expect(cursorOf(s.term)).toEqual([0, 3]);
  });

  it('a wide character that does not fit at the end of a row starts the next one; editing stays in place', async () => {
    const s = await wide(10);
    s.ed.handle('abcdefg你好');            // "$ " + 7 cells = 9: 你 moves to the second row
    expect(await s.screen()).toEqual(['$ abcdefg', '你好']);
    expect(cursorOf(s.term)).toEqual([1, 4]);
    s.ed.handle('\x1b[D\x1b[D');
    await s.screen();
    expect(cursorOf(s.term)).toEqual([1, 0]);
    s.ed.handle('\x01Z');
    expect(await s.screen()).toEqual(['$ Zabcdefg', '你好']);
    expect(cursorOf(s.term)).toEqual([0, 3]);
  });

  it('lists completions with CJK names in aligned columns', () => {
    expect(columns(['文件', 'ab', 'cd'], 80)).toBe('文件  ab    cd\r\n');
  });
});

describe('helpers', () => {
  it('commonPrefix and columns', () => {
    expect(commonPrefix(['delete', 'describe'])).toBe('de');
    expect(columns(['a', 'bb', 'c'], 80)).toBe('a   bb  c\r\n');
    expect(columns(['aaaa', 'bbbb', 'cccc'], 12)).toBe('aaaa  cccc\r\nbbbb\r\n');
  });
});

describe('History', () => {
  it('skips blanks and consecutive duplicates, and is bounded', () => {
    const h = new History([], 3);
    for (const l of ['a', 'a', ' ', 'b', 'c', 'd']) h.add(l);
    expect(h.entries).toEqual(['b', 'c', 'd']);
  });
});
