// The page's REPL over the real simulator (cluster + shell), as the page wires it, in Node.
import { describe, it, expect } from 'vitest';
import { createRuntime, type Runtime } from '../../src/ui/runtime.js';
import { LazySession, FRESH_PROMPT } from '../../src/ui/lazy-session.js';
import { Repl, type CommandRecord } from '../../src/ui/repl.js';
import { HeadlessTime } from '../../src/shell/index.js';
import { headless } from './helpers.js';

const START = Date.UTC(2026, 10, 26, 12, 0, 0);

async function boot(saved?: Awaited<ReturnType<Runtime['snapshot']>>) {
  let rt: Runtime | undefined;
  const time = new HeadlessTime({ advance: (ms) => rt?.clock.advance(ms) });
  rt = await createRuntime({ seed: 7, startTime: START, time, saved });
  const t = headless(100, 30);
  const records: CommandRecord[] = [];
  const repl = new Repl({ session: rt.session, write: t.write, cols: () => 100, onCommand: (r) => records.push(r) });
  repl.start();
  return { rt: rt!, repl, records, ...t };
}

describe('the page over the real session', () => {
  it('a fresh session shows the prompt the page shows before the simulator loads', async () => {
    const { rt } = await boot();
    expect(rt.session.prompt()).toBe(FRESH_PROMPT);
  });

  it('runs kubectl and reports the command with plain-text output', async () => {
    const s = await boot();
    const rec = await s.repl.run('kubectl get pods');
    expect(rec).toEqual({ input: 'kubectl get pods', output: 'No resources found in default namespace.\n', exitCode: 0, host: 'workstation' });
    expect((await s.screen()).slice(0, 2)).toEqual([`${FRESH_PROMPT}kubectl get pods`, 'No resources found in default namespace.']);
  });

  it('clear leaves only the prompt on the first row', async () => {
    const s = await boot();
    await s.repl.run('echo a');
    await s.repl.run('clear');
    expect(await s.screen()).toEqual([FRESH_PROMPT]);
  });

  it('Tab completes through the real session', async () => {
    const s = await boot();
    s.repl.input('kubectl ge\t');
    expect(s.repl.editor.line).toBe('kubectl get ');
  });

  it('a snapshot restores files, and setFile writes relative to home', async () => {
    const a = await boot();
    await a.repl.run('echo hi > f.txt');
    a.rt.writeFile('manifests/svc.yaml', 'kind: Service\n');
    const snap = JSON.parse(JSON.stringify(a.rt.snapshot()));
    const b = await boot(snap);
    expect((await b.repl.run('cat f.txt')).output).toBe('hi\n');
    expect((await b.repl.run('cat ~/manifests/svc.yaml')).output).toBe('kind: Service\n');
  });

  it('an unreadable snapshot throws, so the page can start fresh', async () => {
    await expect(boot({ cluster: { version: 9 }, shell: { version: 1, workstation: {} } })).rejects.toThrow();
    await expect(boot({ cluster: {}, shell: null })).rejects.toThrow('not a kubelab shell snapshot');
  });

  it('Ctrl-C at a heredoc prompt drops it and the next command runs normally', async () => {
    const s = await boot();
    s.repl.input('cat <<EOF\rabc\x03');
    await new Promise((r) => setTimeout(r, 20));
    expect(s.rt.session.prompt()).toBe(FRESH_PROMPT);
    expect((await s.repl.run('echo ok')).output).toBe('ok\n');
  });

  it('kubectl run -it enters the container shell and exit returns to the workstation', async () => {
    const s = await boot();
    s.repl.input('kubectl run -it --image ubuntu t -- bash\r');
    for (let i = 0; i < 100 && s.repl.busy; i++) await new Promise((r) => setTimeout(r, 20));
    s.repl.input('\r');
    expect((await s.repl.run('hostname')).output).toBe('t\n');
    await s.repl.run('exit');
    expect(s.rt.session.prompt()).toBe(FRESH_PROMPT);
    const screen = await s.screen();
    expect(screen).toContain("If you don't see a command prompt, try pressing enter.");
    expect(screen).toContain('root@t:/# hostname');
    expect(s.records.map((r) => r.input)).toEqual(['kubectl run -it --image ubuntu t -- bash', 'hostname', 'exit']);
  });

  it('LazySession accepts a line before the session has loaded and runs it once it has', async () => {
    let rt: Runtime | undefined;
    const time = new HeadlessTime({ advance: (ms) => rt?.clock.advance(ms) });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => { release = r; });
    const loading = gate.then(async () => { rt = await createRuntime({ seed: 1, startTime: START, time }); return rt.session; });
    const lazy = new LazySession(loading, FRESH_PROMPT);
    const t = headless(80, 10);
    const repl = new Repl({ session: lazy, write: t.write, cols: () => 80 });
    repl.start();
    repl.input('echo early\r');
    expect(repl.busy).toBe(true);
    release();
    await repl.whenIdle();
    expect((await t.screen()).slice(0, 2)).toEqual([`${FRESH_PROMPT}echo early`, 'early']);
  });
});
