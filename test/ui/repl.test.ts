import { describe, it, expect } from 'vitest';
import { Repl, type CommandRecord } from '../../src/ui/repl.js';
import { headless, FakeSession, tick } from './helpers.js';

function setup() {
  const t = headless(60, 20);
  const session = new FakeSession();
  const records: CommandRecord[] = [];
  const repl = new Repl({
    session, write: t.write, cols: () => 60,
    onCommand: (r) => records.push(r),
  });
  repl.start();
  return { ...t, session, repl, records };
}

describe('Repl', () => {
  it('runs a typed line, prints output with CRLF and a new prompt', async () => {
    const s = setup();
    s.repl.input('echo hello\r');
    await tick();
    expect(await s.screen()).toEqual(['user@k8s:~$ echo hello', 'hello', 'user@k8s:~$ ']);
    expect(s.records).toEqual([{ input: 'echo hello', output: 'hello\n', exitCode: 0, host: undefined }]);
    expect(s.repl.history.entries).toEqual(['echo hello']);
  });

  it('passes colours through to the terminal and strips them from the record', async () => {
    const s = setup();
    s.repl.input('fail\r');
    await tick();
    await s.screen();
    const line = s.term.buffer.active.getLine(1)!;
    expect(line.translateToString(true)).toBe('Warning: bad');
    expect(line.getCell(0)!.getFgColor()).toBe(3); // ANSI yellow
    expect(s.records[0]).toMatchObject({ output: 'Warning: bad\n', exitCode: 2 });
  });

  it('Ctrl-C interrupts a running command at once', async () => {
    const s = setup();
    s.repl.input('wait\r');
    await tick();
    expect(s.repl.busy).toBe(true);
    s.repl.input('\x03');
    await tick();
    expect(s.repl.busy).toBe(false);
    expect(await s.screen()).toEqual(['user@k8s:~$ wait', '^C', 'user@k8s:~$ ']);
    expect(s.records[0]!.exitCode).toBe(130);
  });

  it('runs a pasted block line by line, with continuation prompts for a heredoc', async () => {
    const s = setup();
    s.repl.input('echo one\rcat <<EOF\rbody\rEOF\recho two\r');
    for (let i = 0; i < 10; i++) await tick();
    expect(await s.screen()).toEqual([
      'user@k8s:~$ echo one', 'one', 'user@k8s:~$ cat <<EOF', '> body', '> EOF', 'body',
      'user@k8s:~$ echo two', 'two', 'user@k8s:~$ ',
    ]);
    expect(s.records.map((r) => r.input)).toEqual(['echo one', 'cat <<EOF\nbody\nEOF', 'echo two']);
    expect(s.repl.history.entries).toEqual(['echo one', 'cat <<EOF\nbody\nEOF', 'echo two']);
  });

  it('keeps typeahead typed while a command runs', async () => {
    const s = setup();
    s.repl.input('wait\r');
    await tick();
    s.repl.input('echo later\r');
    s.repl.input('\x03');
    s.repl.input('echo after\r');
    for (let i = 0; i < 5; i++) await tick();
    // Ctrl-C discards what was typed before it, as the tty driver flushes input on SIGINT.
    expect(s.records.map((r) => r.input)).toEqual(['wait', 'echo after']);
  });

  it('an empty line is not reported as a command', async () => {
    const s = setup();
    s.repl.input('\r\r');
    for (let i = 0; i < 5; i++) await tick();
    expect(s.records).toEqual([]);
    expect(await s.screen()).toEqual(['user@k8s:~$ ', 'user@k8s:~$ ', 'user@k8s:~$ ']);
  });

  it('Ctrl-D on an empty line feeds EOF to the session', async () => {
    const s = setup();
    s.repl.input('\x04');
    await tick();
    expect(s.session.fed).toEqual(['\x04']);
    expect(s.records).toEqual([]);
  });

  it('Ctrl-C at a continuation prompt drops the unfinished command', async () => {
    const s = setup();
    s.repl.input('cat <<EOF\rabc\x03');
    for (let i = 0; i < 5; i++) await tick();
    expect(s.session.fed).toEqual(['cat <<EOF', '\x04']);
    expect(await s.screen()).toEqual(['user@k8s:~$ cat <<EOF', '> abc^C', 'user@k8s:~$ ']);
    expect(s.records).toEqual([]);
  });

  it('run() types a command as if the learner had and resolves with its output', async () => {
    const s = setup();
    s.repl.input('partial');
    const rec = await s.repl.run('echo from host');
    expect(rec).toEqual({ input: 'echo from host', output: 'from host\n', exitCode: 0, host: undefined });
    expect(await s.screen()).toEqual(['user@k8s:~$ echo from host', 'from host', 'user@k8s:~$ ']);
  });

  it('run() waits for a running command to finish first', async () => {
    const s = setup();
    s.repl.input('wait\r');
    await tick();
    const p = s.repl.run('echo queued');
    await tick();
    expect(s.session.fed).toEqual(['wait']);
    s.repl.interrupt();
    expect((await p).output).toBe('queued\n');
  });

  it('clear (the session writes ESC[H ESC[2J ESC[3J) leaves only the prompt, on the first row', async () => {
    const s = setup();
    s.repl.input('echo x\rclear\r');
    for (let i = 0; i < 5; i++) await tick();
    expect(await s.screen()).toEqual(['user@k8s:~$ ']);
  });

  it('starts the prompt on a fresh row when output lacks a final newline', async () => {
    const s = setup();
    const session = s.session;
    session.feed = async (_l, out) => { out.stdout('no newline'); return { complete: true, input: _l, exitCode: 0 }; };
    s.repl.input('x\r');
    await tick();
    expect(await s.screen()).toEqual(['user@k8s:~$ x', 'no newline', 'user@k8s:~$ ']);
  });

  it('type() puts text on the prompt without running it', async () => {
    const s = setup();
    s.repl.type('kubectl get pods');
    await tick();
    expect(s.session.fed).toEqual([]);
    expect(await s.screen()).toEqual(['user@k8s:~$ kubectl get pods']);
  });
});
