// Browser tests for the page: a production build served by `vite preview`, driven by
// playwright-core in Debian's Chromium. Plain Node; prints "N passed, N failed".
import { spawn } from 'node:child_process';
import { ensureBuilt, initialBytes } from './dist.mjs';
import { existsSync, mkdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { lessonTests } from './lessons.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const results = { passed: 0, failed: 0 };
const cleanups = [];

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
    s.on('error', rej);
  });
}

async function startPreview() {
  const port = await freePort();
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const child = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => { try { process.kill(child.pid); } catch { /* gone */ } });
  await new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error('vite preview did not start')), 20000);
    const onData = (d) => { if (String(d).includes(String(port))) { clearTimeout(t); res(); } };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (c) => rej(new Error(`vite preview exited ${c}`)));
  });
  return `http://127.0.0.1:${port}`;
}

/** Serves examples/ (the host page) on its own port: another origin. */
async function startStatic() {
  const port = await freePort();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = join(root, 'examples', path.replace(/^\/+/, '') || 'embed-host.html');
    if (!file.startsWith(join(root, 'examples')) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  cleanups.push(() => server.close());
  return `http://127.0.0.1:${port}`;
}

async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.failed++;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n     ') : e}`);
  }
}

function assert(cond, msg) { if (!cond) throw new Error(msg); }

/** A page of kubelab with console errors, page errors and requests recorded. */
async function openPage(context, url, log) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => log.errors.push(`${page.url()}: ${e.message}`));
  page.on('request', (r) => log.requests.push({ url: r.url(), phase: log.phase }));
  await page.goto(url);
  await page.waitForFunction(() => window.__kubelab !== undefined, null, { timeout: 15000 });
  return page;
}

const lines = (page) => page.evaluate(() => window.__kubelab.lines());
const idle = (page) => page.waitForFunction(() => !window.__kubelab.busy(), null, { timeout: 10000 });

async function typeLine(page, text) {
  await page.click('#terminal-body .xterm');
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(30);
  await idle(page);
}

async function waitForLine(page, pred, what) {
  const deadline = Date.now() + 10000;
  let l = [];
  while (Date.now() < deadline) {
    l = await lines(page);
    if (l.some(pred)) return l;
    await page.waitForTimeout(50);
  }
  throw new Error(`no line ${what} in:\n${l.join('\n')}`);
}

async function main() {
  ensureBuilt(root);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const [app, host, stranger] = await Promise.all([startPreview(), startStatic(), startStatic()]);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => browser.close());
  const log = { errors: [], requests: [], phase: 'load' };
  const allowedPrefixes = [app, host, stranger, 'data:', 'blob:'];

  await test('kubectl get pods prints its output in the terminal', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openPage(context, `${app}/`, log);
    const ready = await page.evaluate(() => performance.getEntriesByName('kubelab:ready').length);
    assert(ready === 1, 'performance mark kubelab:ready missing');
    await page.evaluate(() => window.__kubelab.extras()); // the lazily loaded parts
    log.phase = 'commands';
    await typeLine(page, 'kubectl get pods');
    const l = await waitForLine(page, (x) => x.includes('No resources found') || x.startsWith('NAME'), 'with pods output');
    const i = l.findIndex((x) => x.endsWith('$ kubectl get pods'));
    assert(i >= 0, `prompt line not found:\n${l.join('\n')}`);
    log.phase = 'after';
    await context.close();
  });

  await test('the first download (JS+CSS before the prompt) stays under 130 kB gzip', async () => {
    const b = initialBytes(root);
    assert(b.gz < 130_000, `initial JS+CSS is ${(b.gz / 1000).toFixed(1)} kB gzip in ${b.files} files`);
  });

  await test('no network request after load, none off-origin', async () => {
    const late = log.requests.filter((r) => r.phase === 'commands');
    assert(late.length === 0, `requests while running commands: ${late.map((r) => r.url).join(', ')}`);
    const off = log.requests.filter((r) => !allowedPrefixes.some((p) => r.url.startsWith(p)));
    assert(off.length === 0, `off-origin requests: ${off.map((r) => r.url).join(', ')}`);
  });

  await test('keyboard: line editing, Esc then Tab leaves the terminal, Ctrl+Shift+F opens find', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, `${app}/`, log);
    await page.click('#terminal-body .xterm');
    await page.keyboard.type('echo wrld');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('o');
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    await page.keyboard.type('E');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('e');
    await page.keyboard.press('Enter');
    await idle(page);
    const l = await waitForLine(page, (x) => x === 'world', 'world');
    assert(l.some((x) => x.endsWith('$ echo world')), `edited line wrong:\n${l.join('\n')}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.className ?? '');
    assert(!focused.includes('xterm-helper-textarea'), 'focus stayed in the terminal');
    await page.click('#terminal-body .xterm');
    await page.keyboard.press('Control+Shift+F');
    await page.waitForSelector('.search-bar input:focus', { timeout: 3000 });
    await context.close();
  });

  await test('clipboard: Ctrl+Shift+V pastes a multi-line block that runs line by line; selection copies', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app });
    const page = await openPage(context, `${app}/`, log);
    await page.evaluate(() => window.__kubelab.app.runtimeReady);
    await page.click('#terminal-body .xterm');
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-one\necho pasted-two\n'));
    await page.keyboard.press('Control+Shift+V');
    await waitForLine(page, (x) => x === 'pasted-two', 'pasted-two');
    const l = await lines(page);
    assert(l.some((x) => x.endsWith('$ echo pasted-one')) && l.includes('pasted-one'), `first line did not run:\n${l.join('\n')}`);
    await page.evaluate(() => window.__kubelab.app.terminal.term.selectAll());
    await page.waitForTimeout(100);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert(copied.includes('pasted-two'), `selection not copied: ${JSON.stringify(copied.slice(0, 80))}`);
    await context.close();
  });

  await test('header: +30 s moves the cluster clock, theme toggles; layout=terminal and lang=uk', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, `${app}/?layout=terminal&theme=dark&lang=uk`, log);
    const uk = await page.evaluate(() => [document.documentElement.lang, document.querySelector('#terminal-title').textContent]);
    assert(uk[0] === 'uk' && uk[1] === 'Термінал', `lang=uk: ${uk}`);
    const hidden = await page.evaluate(() => ['lesson-pane', 'terminal-pane', 'editor-pane'].map((id) => document.getElementById(id).hidden));
    assert(JSON.stringify(hidden) === '[true,false,true]', `panes hidden: ${hidden}`);
    await page.evaluate(() => window.__kubelab.app.runtimeReady);
    await page.waitForFunction(() => /\d/.test(document.querySelector('.clock').textContent));
    const secs = (t) => { const [h, m, s] = t.split(':').map(Number); return h * 3600 + m * 60 + s; };
    const before = secs(await page.textContent('.clock'));
    await page.click('text=+30 с');
    const after = secs(await page.textContent('.clock'));
    const d = (after - before + 86400) % 86400;
    assert(d >= 30 && d <= 32, `clock moved ${d} s`);
    await page.click('.theme-toggle');
    assert(await page.evaluate(() => document.documentElement.dataset.theme) === 'light', 'theme did not switch');
    await context.close();
  });

  await test('a flood (yes) and an endless watch never freeze the page; Ctrl+C stops them at once', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, `${app}/`, log);
    for (const cmd of ['yes', 'kubectl get pods -w']) {
      await page.click('#terminal-body .xterm');
      await page.keyboard.type(cmd);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1500);
      assert(await page.evaluate(() => window.__kubelab.busy()), `${cmd} is not running`);
      // The page still paints: two animation frames arrive promptly.
      const frameMs = await page.evaluate(() => new Promise((r) => { const t0 = performance.now(); requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - t0))); }));
      assert(frameMs < 500, `${cmd}: two frames took ${frameMs.toFixed(0)} ms`);
      const t0 = Date.now();
      await page.keyboard.press('Control+C');
      await page.waitForFunction(() => !window.__kubelab.busy(), null, { timeout: 3000 });
      assert(Date.now() - t0 < 1500, `${cmd}: Ctrl+C took ${Date.now() - t0} ms`);
    }
    await typeLine(page, 'echo still-here');
    await waitForLine(page, (x) => x === 'still-here', 'still-here');
    await context.close();
  });

  await test('a reload restores the session (files survive)', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, `${app}/`, log);
    await typeLine(page, 'echo hi > f.txt');
    await page.evaluate(() => window.__kubelab.save());
    await page.reload();
    await page.waitForFunction(() => window.__kubelab !== undefined);
    await typeLine(page, 'cat f.txt');
    const l = await lines(page);
    const i = l.findIndex((x) => x.endsWith('$ cat f.txt'));
    assert(i >= 0 && l[i + 1] === 'hi', `cat f.txt did not print hi:\n${l.join('\n')}`);
    // History came back too: Up recalls the last command.
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(50);
    const last = (await lines(page)).at(-1);
    assert(last.endsWith('$ cat f.txt'), `history not restored: ${last}`);
    await context.close();
  });

  await test('export to a file and import it in a fresh browser profile', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await openPage(context, `${app}/`, log);
    await page.evaluate(() => window.__kubelab.app.runtimeReady);
    await typeLine(page, 'echo exported > g.txt');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export')]);
    const file = join(mkdtempSync(join(tmpdir(), 'kubelab-export-')), 'session.json');
    await download.saveAs(file);
    await context.close();
    const ctx2 = await browser.newContext();
    const p2 = await openPage(ctx2, `${app}/`, log);
    await Promise.all([p2.waitForNavigation(), p2.setInputFiles('input[type=file]', file)]);
    await p2.waitForFunction(() => window.__kubelab !== undefined);
    await typeLine(p2, 'cat g.txt');
    await waitForLine(p2, (x) => x === 'exported', 'exported');
    await ctx2.close();
  });

  await test('a corrupt saved session is reported in one line and a fresh one starts', async () => {
    const context = await browser.newContext();
    // Stored before the page's own scripts run, as a truncated write would leave it.
    await context.addInitScript(() => { localStorage.setItem('kubelab:session', '{"format":"kubelab-session","version":1,"seed":'); });
    const page = await openPage(context, `${app}/`, log);
    const l = await lines(page);
    assert(l[0].startsWith('kubelab: could not restore the saved session (not valid JSON)'), `no notice:\n${l.join('\n')}`);
    assert(l.length === 2, `expected notice + prompt:\n${l.join('\n')}`);
    await context.close();

    // Well-formed, but the cluster inside cannot be restored: found only once the simulator loads.
    const ctx2 = await browser.newContext();
    await ctx2.addInitScript(() => {
      localStorage.setItem('kubelab:session', JSON.stringify({ format: 'kubelab-session', version: 1, savedAt: 1, seed: 1, prompt: 'root@gone:/# ',
        runtime: { cluster: { version: 99 }, shell: { version: 1, workstation: {} } }, history: ['ls'], lesson: { completedSteps: [] } }));
    });
    const p2 = await openPage(ctx2, `${app}/`, log);
    await p2.evaluate(() => window.__kubelab.app.runtimeReady);
    await p2.waitForTimeout(100);
    const l2 = await lines(p2);
    assert(l2.length === 2 && l2[0].startsWith('kubelab: could not restore the saved session (not a kubelab cluster snapshot)')
      && l2[1].trimEnd() === 'learner@kubelab:~$', `incompatible snapshot:\n${l2.join('\n')}`);
    await ctx2.close();
  });

  await test('postMessage API: runCommand from an allowed host origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => log.errors.push(`host: ${e.message}`));
    await page.goto(`${host}/embed-host.html?kubelab=${encodeURIComponent(app + '/')}`);
    const ready = await page.evaluate(() => Promise.race([window.kubelabHost.ready, new Promise((r) => setTimeout(() => r(null), 10000))]));
    assert(ready && ready.type === 'ready', `no ready message: ${JSON.stringify(ready)}`);
    const reply = await page.evaluate(() => window.kubelabHost.run('echo from-host'));
    assert(reply.type === 'commandRun' && reply.id === 'cmd-1', `bad reply ${JSON.stringify(reply)}`);
    assert(reply.input === 'echo from-host' && reply.output === 'from-host\n' && reply.exitCode === 0, `bad reply ${JSON.stringify(reply)}`);
    const pods = await page.evaluate(() => window.kubelabHost.run('kubectl get pods'));
    assert(/No resources found|NAME/.test(pods.output), `kubectl output: ${JSON.stringify(pods)}`);
    await page.evaluate(() => window.kubelabHost.setFile('notes/a.txt', 'hello from host\n'));
    const cat = await page.evaluate(() => window.kubelabHost.run('cat ~/notes/a.txt'));
    assert(cat.output === 'hello from host\n', `setFile: ${JSON.stringify(cat)}`);
    await page.evaluate(() => window.kubelabHost.type('kubectl get svc'));
    const frame = page.frames().find((f) => f.url().startsWith(app));
    await frame.waitForFunction(() => window.__kubelab.lines().at(-1).endsWith('$ kubectl get svc'), null, { timeout: 3000 });
    const state = await page.evaluate(() => window.kubelabHost.state());
    assert(state.type === 'state' && Array.isArray(state.completedSteps), `bad state ${JSON.stringify(state)}`);
    await context.close();
  });

  await test('postMessage API: messages from a non-allowed origin are ignored', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The stranger serves the same host page, but kubelab's allow-list names only `host`.
    await page.goto(`${stranger}/embed-host.html?kubelab=${encodeURIComponent(app + '/')}`);
    await page.evaluate((allowed) => {
      const f = document.getElementById('kubelab');
      const u = new URL(f.src);
      u.searchParams.set('origins', allowed);
      f.src = u.toString();
    }, host);
    await page.waitForTimeout(1500);
    const reply = await page.evaluate(() => Promise.race([window.kubelabHost.run('echo sneaky'), new Promise((r) => setTimeout(() => r('timeout'), 1500))]));
    assert(reply === 'timeout', `non-allowed origin got a reply: ${JSON.stringify(reply)}`);
    const frame = page.frames().find((f) => f.url().startsWith(app));
    const l = await frame.evaluate(() => window.__kubelab.lines());
    assert(!l.some((x) => x.includes('sneaky')), 'the command ran');
    await context.close();
  });

  await test('phone width (375 px): panes stack, nothing overflows; screenshot saved', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    const page = await openPage(context, `${app}/`, log);
    await typeLine(page, 'kubectl get pods');
    const m = await page.evaluate(() => {
      const r = (id) => document.getElementById(id).getBoundingClientRect();
      return { scroll: document.documentElement.scrollWidth, term: r('terminal-pane'), lesson: r('lesson-pane') };
    });
    assert(m.scroll <= 375, `page is ${m.scroll}px wide`);
    assert(m.term.width <= 375 && m.lesson.top >= m.term.bottom - 1, `panes not stacked: ${JSON.stringify(m)}`);
    await page.screenshot({ path: join(root, 'test-results/phone-375.png') });
    await context.close();
  });

  for (const theme of ['dark', 'light']) {
    await test(`axe-core: no serious or critical violations (${theme} theme)`, async () => {
      // bypassCSP only so the test can inject axe; the page itself runs under its CSP.
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
      const page = await openPage(context, `${app}/?theme=${theme}`, log);
      await typeLine(page, 'kubectl get pods');
      await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
      const audit = () => page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')
          .map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      const v = await audit();
      assert(v.length === 0, v.join('\n     '));
      await page.screenshot({ path: join(root, `test-results/page-${theme}.png`) });
      // Again with the terminal's screen-reader mode on (xterm adds its accessibility tree).
      await page.click('text=Screen reader');
      await page.waitForSelector('.xterm-accessibility-tree', { state: 'attached', timeout: 3000 });
      const v2 = await audit();
      assert(v2.length === 0, 'screen reader mode: ' + v2.join('\n     '));
      await context.close();
    });
  }

  await lessonTests({ browser, app, host, root, test, assert, openPage, log });

  await test('no console errors or page errors', async () => {
    assert(log.errors.length === 0, log.errors.join('\n     '));
  });
}

const t0 = Date.now();
try {
  await main();
} catch (e) {
  results.failed++;
  console.log(`FAIL setup: ${e && e.stack ? e.stack : e}`);
} finally {
  for (const c of cleanups.reverse()) { try { await c(); } catch { /* already stopped */ } }
}
console.log(`${results.passed} passed, ${results.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(results.failed ? 1 : 0);
