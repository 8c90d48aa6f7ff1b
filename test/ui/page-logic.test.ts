import { describe, it, expect, vi } from 'vitest';
import { EmbedApi, parseHostMessage, type EmbedTarget } from '../../src/ui/embed.js';
import { decodeSession, encodeSession, Persister, SAVE_FORMAT, SAVE_VERSION, type SavedSession } from '../../src/ui/persist.js';
import { parseParams, shareLink } from '../../src/ui/params.js';
import { t as pt } from '../../src/ui/i18n/strings.js';
import { OutputWriter, TRUNCATED_NOTICE } from '../../src/ui/output-writer.js';
import { WallTimeDriver } from '../../src/ui/time-driver.js';

function fakeTarget(log: string[]): EmbedTarget {
  return {
    async runCommand(command) {
      log.push(`run:${command}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`done:${command}`);
      return { input: command, output: `${command}\n`, exitCode: 0 };
    },
    typeCommand: (c) => { log.push(`type:${c}`); },
    setFile: (p, c) => { log.push(`file:${p}=${c}`); },
    reset: async () => { log.push('reset'); },
    loadLesson: async (l, s) => { log.push(`lesson:${l}/${s}`); },
    lessonState: () => ({ lesson: 'l1', step: 's2', completedSteps: ['s1'] }),
  };
}

describe('embed API', () => {
  const HOST = 'https://host.example';

  it('validates messages: version, type and field types', () => {
    expect(parseHostMessage({ kubelab: 1, type: 'runCommand', id: 7, command: 'ls' })).toEqual({ type: 'runCommand', id: 7, command: 'ls' });
    expect(parseHostMessage({ kubelab: 2, type: 'reset' })).toBeNull();
    expect(parseHostMessage({ type: 'reset' })).toBeNull();
    expect(parseHostMessage({ kubelab: 1, type: 'runCommand', command: 'ls' })).toBeNull(); // no id
    expect(parseHostMessage({ kubelab: 1, type: 'setFile', path: 'a', content: 3 })).toBeNull();
    expect(parseHostMessage({ kubelab: 1, type: 'eval', code: 'x' })).toBeNull();
    expect(parseHostMessage('reset')).toBeNull();
  });

  it('runs commands in arrival order and replies to the sender with the id', async () => {
    const log: string[] = [];
    const posted: [Record<string, unknown>, string][] = [];
    const api = new EmbedApi(fakeTarget(log), new Set([HOST]), (m, o) => posted.push([m, o]), null);
    void api.receive({ kubelab: 1, type: 'runCommand', id: 'a', command: 'one' }, HOST);
    void api.receive({ kubelab: 1, type: 'typeCommand', command: 'typed' }, HOST);
    await api.receive({ kubelab: 1, type: 'runCommand', id: 'b', command: 'two' }, HOST);
    expect(log).toEqual(['run:one', 'done:one', 'type:typed', 'run:two', 'done:two']);
    expect(posted).toEqual([
      [{ kubelab: 1, type: 'commandRun', id: 'a', input: 'one', output: 'one\n', exitCode: 0 }, HOST],
      [{ kubelab: 1, type: 'commandRun', id: 'b', input: 'two', output: 'two\n', exitCode: 0 }, HOST],
    ]);
  });

  it('ignores messages from origins not on the allow-list', async () => {
    const log: string[] = [];
    const posted: unknown[] = [];
    const api = new EmbedApi(fakeTarget(log), new Set([HOST]), (m) => posted.push(m), null);
    await api.receive({ kubelab: 1, type: 'runCommand', id: 1, command: 'x' }, 'https://evil.example');
    await api.receive({ kubelab: 1, type: 'getState' }, 'https://host.example.evil.example');
    expect(log).toEqual([]);
    expect(posted).toEqual([]);
  });

  it('answers getState and forwards setFile, loadLesson and reset', async () => {
    const log: string[] = [];
    const posted: Record<string, unknown>[] = [];
    const api = new EmbedApi(fakeTarget(log), new Set([HOST]), (m) => posted.push(m), null);
    await api.receive({ kubelab: 1, type: 'setFile', path: 'svc.yaml', content: 'kind: Service\n' }, HOST);
    await api.receive({ kubelab: 1, type: 'loadLesson', lesson: 'intro', step: 'two' }, HOST);
    await api.receive({ kubelab: 1, type: 'reset' }, HOST);
    await api.receive({ kubelab: 1, type: 'getState' }, HOST);
    expect(log).toEqual(['file:svc.yaml=kind: Service\n', 'lesson:intro/two', 'reset']);
    expect(posted).toEqual([{ kubelab: 1, type: 'state', lesson: 'l1', step: 's2', completedSteps: ['s1'] }]);
  });

  it('reports the learner\'s commands and events to the allowed parent only', () => {
    const posted: [Record<string, unknown>, string][] = [];
    const api = new EmbedApi(fakeTarget([]), new Set([HOST]), (m, o) => posted.push([m, o]), HOST);
    api.notify('ready', { lesson: null, step: null });
    api.commandFinished({ input: 'ls', output: 'a\n', exitCode: 0 }, false);
    api.commandFinished({ input: 'x', output: '', exitCode: 0 }, true); // host-run: replied with id instead
    expect(posted).toEqual([
      [{ kubelab: 1, type: 'ready', lesson: null, step: null }, HOST],
      [{ kubelab: 1, type: 'commandRun', input: 'ls', output: 'a\n', exitCode: 0 }, HOST],
    ]);
    const stranger = new EmbedApi(fakeTarget([]), new Set([HOST]), (m, o) => posted.push([m, o]), 'https://evil.example');
    stranger.notify('ready');
    expect(posted).toHaveLength(2);
  });
});

describe('saved sessions', () => {
  const saved: SavedSession = {
    format: SAVE_FORMAT, version: SAVE_VERSION, savedAt: 1, seed: 42,
    runtime: { cluster: { a: 1 }, shell: { b: 2 } }, history: ['ls'], lesson: { lesson: 'x', completedSteps: [] },
  };

  it('round-trips and rejects damaged or foreign data with a reason', () => {
    expect(decodeSession(encodeSession(saved))).toEqual({ ok: true, saved });
    expect(decodeSession('{"format":"kubelab-session"')).toEqual({ ok: false, reason: 'not valid JSON' });
    expect(decodeSession('{"hello":1}')).toEqual({ ok: false, reason: 'not a saved session' });
    expect(decodeSession(JSON.stringify({ ...saved, version: 99 }))).toEqual({ ok: false, reason: 'saved by an incompatible version (99)' });
    expect(decodeSession(JSON.stringify({ ...saved, history: [1] }))).toEqual({ ok: false, reason: 'damaged' });
  });

  it('debounces saves and flushes the newest state', () => {
    vi.useFakeTimers();
    const m = new Map<string, string>();
    const store = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => { m.set(k, v); }, removeItem: (k: string) => { m.delete(k); } };
    const p = new Persister(store, 300);
    let n = 0;
    p.setSource(() => ({ ...saved, seed: ++n }));
    p.schedule(); p.schedule(); p.schedule();
    expect(m.size).toBe(0);
    vi.advanceTimersByTime(300);
    expect(n).toBe(1);
    const l = p.load();
    expect(l?.ok && l.saved.seed).toBe(1);
    p.clear();
    expect(p.load()).toBeNull();
    vi.useRealTimers();
  });

  it('reports a failed write (quota) instead of throwing', () => {
    const p = new Persister({ getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} });
    const told: string[] = [];
    p.onError = (m) => told.push(m);
    p.setSource(() => saved);
    p.flush();
    p.flush();
    expect(p.lastError).toBe('QuotaExceededError');
    expect(told).toEqual(['QuotaExceededError']);
  });
});

describe('page strings', () => {
  it('translate, fill variables and fall back to English', () => {
    expect(pt('uk', 'notice.restore', { reason: 'x' })).toBe('не вдалося відновити збережений сеанс (x); розпочато новий.');
    expect(pt('de', 'pane.terminal')).toBe('Terminal');
  });
});

describe('URL parameters', () => {
  it('parses the embedding contract', () => {
    expect(parseParams('?lesson=services&step=3&seed=42&theme=light&layout=terminal%2Blesson&autoplay=1&lang=uk&origins=https://a.example,https://b.example:8443/path,*')).toEqual({
      lesson: 'services', step: '3', seed: 42, theme: 'light', layout: 'terminal+lesson', autoplay: true, lang: 'uk',
      origins: ['https://a.example', 'https://b.example:8443'],
    });
    expect(parseParams('?layout=weird&theme=pink&seed=-1')).toEqual({
      lesson: undefined, step: undefined, seed: undefined, theme: undefined, layout: 'full', autoplay: false, lang: 'en', origins: [],
    });
  });

  it('builds a share link with lesson, step and seed', () => {
    expect(shareLink('https://kubelab.example/app/?theme=dark#x', { lesson: 'svc', step: '2', seed: 7 }))
      .toBe('https://kubelab.example/app/?lesson=svc&step=2&seed=7');
  });
});

describe('OutputWriter', () => {
  it('keeps one write in flight and joins what arrives meanwhile', () => {
    const sent: string[] = [];
    let done: (() => void) | null = null;
    const w = new OutputWriter((d, cb) => { sent.push(d); done = cb; });
    w.write('a'); w.write('b'); w.write('c');
    expect(sent).toEqual(['a']);
    done!();
    expect(sent).toEqual(['a', 'bc']);
  });

  it('caps one huge write too', () => {
    const sent: string[] = [];
    const w = new OutputWriter((d) => { sent.push(d); }, 100);
    w.write('x\n'.repeat(1000));
    expect(sent[0]!.startsWith(TRUNCATED_NOTICE)).toBe(true);
    expect(sent[0]!.length).toBeLessThanOrEqual(100 + TRUNCATED_NOTICE.length);
  });

  it('caps a flood: keeps the newest lines and says some were skipped', () => {
    const sent: string[] = [];
    let done: (() => void) | null = null;
    const w = new OutputWriter((d, cb) => { sent.push(d); done = cb; }, 100);
    w.write('first\n');
    for (let i = 0; i < 1000; i++) w.write(`line ${i}\n`);
    done!();
    const second = sent[1]!;
    expect(second.startsWith(TRUNCATED_NOTICE)).toBe(true);
    expect(second.endsWith('line 999\n')).toBe(true);
    expect(second.length).toBeLessThanOrEqual(100 + TRUNCATED_NOTICE.length);
  });
});

describe('WallTimeDriver', () => {
  it('advances virtual time by wall time and wakes sleepers on the virtual deadline', async () => {
    let wall = 0;
    let now = 1000;
    const d = new WallTimeDriver({ now: () => now, advance: (ms) => { now += ms; } }, () => wall);
    wall = 250; d.tick();
    expect(now).toBe(1250);
    let woke = false;
    const p = d.sleep(30_000, new AbortController().signal).then(() => { woke = true; });
    await Promise.resolve();
    expect(woke).toBe(false);
    d.fastForward(30_000); // the +30 s button
    await p;
    expect(woke).toBe(true);
    expect(now).toBe(31_250);
  });

  it('an aborted sleep ends at once', async () => {
    const d = new WallTimeDriver({ now: () => 0, advance: () => {} }, () => 0);
    const ac = new AbortController();
    const p = d.sleep(60_000, ac.signal);
    ac.abort();
    await expect(p).resolves.toBeUndefined();
  });
});
