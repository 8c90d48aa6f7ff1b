// Page numbers from the production build in headless Chromium: time to the first prompt,
// initial bytes, Enter → output, idle heap (free play, and ?lesson=endpoints after the article's
// objects exist), machine load while measuring, and the editor: open request → editable Monaco,
// and the lazily loaded chunks it fetches (none of them in the initial bytes). `node bench/page.mjs` prints them; bench/run.ts
// imports benchPage(). Builds dist/ first if it is missing or stale.
import { spawn } from 'node:child_process';
import { ensureBuilt, initialBytes } from '../test/browser/dist.mjs';
import { heapBreakdown } from './heap-breakdown.mjs';
import { createServer } from 'node:net';
import { loadavg, cpus } from 'node:os';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function freePort() {
  return new Promise((res) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
}

/** Raw and gzip kB of the dist files fetched, by kind. */
function chunkSizes(paths) {
  const out = { js: [0, 0], css: [0, 0], worker: [0, 0], font: [0, 0] };
  for (const p of new Set(paths)) {
    const file = join(root, 'dist', p);
    if (!p.startsWith('/assets/') || !existsSync(file)) continue;
    const buf = readFileSync(file);
    const kind = /worker/.test(p) ? 'worker' : p.endsWith('.css') ? 'css' : p.endsWith('.js') ? 'js' : /\.(ttf|woff2?)$/.test(p) ? 'font' : null;
    if (!kind) continue;
    out[kind][0] += buf.length / 1000;
    out[kind][1] += gzipSync(buf, { level: 9 }).length / 1000;
  }
  return out;
}

/**
 * The article's objects and commands (lessons/endpoints), up to the Endpoints object written by
 * hand; the clock is moved on so the pods are up. Runs in the page; rejects if a command fails.
 */
const ARTICLE = `(async () => {
  const k = window.__kubelab;
  await k.extras();
  const cmds = ['kubectl apply -f svc-example.yaml', '+30', 'kubectl get service nginx-svc', 'kubectl describe service nginx-svc',
    'kubectl describe pod nginx-pod', 'kubectl get endpoints nginx-svc', 'kubectl apply -f deploy-example.yaml', '+30',
    'kubectl get endpoints nginx-svc', 'kubectl get pod --selector=app=nginx -o wide', 'kubectl apply -f external-endpoint.yaml',
    'kubectl describe svc external-svc'];
  for (const c of cmds) {
    if (c === '+30') { k.app.driver.fastForward(30000); continue; }
    const r = await k.app.repl.run(c);
    if (r.exitCode !== 0) throw new Error(c + ' exited ' + r.exitCode + ': ' + r.output);
  }
})()`;

/**
 * JS heap after GC of a page Playwright has not injected its helpers into (they share the heap):
 * CDP only, after the lazily loaded parts arrive (and `setup`, if any) and a second of idling.
 * `opts.block`: requests whose URL matches fail (the terminal without the simulator);
 * `opts.breakdown`: also what the heap holds (a heap snapshot, see heap-breakdown.mjs).
 */
async function idleHeap(browser, url, setup, opts = {}) {
  const hctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const hpage = await hctx.newPage();
    const cdp = await hctx.newCDPSession(hpage);
    await cdp.send('Page.enable');
    if (opts.block) {
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
      cdp.on('Fetch.requestPaused', (e) => {
        if (opts.block.test(e.request.url)) cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'Failed' }).catch(() => {});
        else cdp.send('Fetch.continueRequest', { requestId: e.requestId }).catch(() => {});
      });
    }
    await cdp.send('Page.navigate', { url });
    if (opts.block) {
      await new Promise((r) => setTimeout(r, 3000));
      await cdp.send('HeapProfiler.collectGarbage');
      return { usedMiB: (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576, runtimeMs: -1 };
    }
    for (let i = 0; i < 400; i++) {
      const r = await cdp.send('Runtime.evaluate', { expression: 'window.__kubelab !== undefined', returnByValue: true });
      if (r.result.value) break;
      await new Promise((r2) => setTimeout(r2, 25));
    }
    await cdp.send('Runtime.evaluate', { expression: 'window.__kubelab.extras()', awaitPromise: true });
    if (setup) {
      const r = await cdp.send('Runtime.evaluate', { expression: setup, awaitPromise: true });
      if (r.exceptionDetails) throw new Error(`article setup failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const runtimeMs = (await cdp.send('Runtime.evaluate', { expression: "performance.getEntriesByName('kubelab:runtime')[0]?.startTime ?? -1", returnByValue: true })).result.value;
    return { usedMiB: heap.usedSize / 1048576, runtimeMs, breakdown: opts.breakdown ? await heapBreakdown(cdp) : undefined };
  } finally {
    await hctx.close();
  }
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

export async function benchPage() {
  const loadBefore = load();
  ensureBuilt(root);
  const port = await freePort();
  const preview = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let browser;
  try {
    await new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error('preview did not start')), 20000);
      preview.stdout.on('data', (d) => { if (String(d).includes(String(port))) { clearTimeout(t); res(); } });
    });
    const url = `http://127.0.0.1:${port}/?layout=full`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const readyTimes = [];
    for (let i = 0; i < 5; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } }); // cold: empty cache and storage
      const page = await ctx.newPage();
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('kubelab:ready').length > 0);
      readyTimes.push(await page.evaluate(() => performance.getEntriesByName('kubelab:ready')[0].startTime));
      await ctx.close();
    }

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__kubelab !== undefined);
    await page.waitForTimeout(500);
    const enter = [];
    for (let i = 0; i < 5; i++) {
      enter.push(await page.evaluate(() => new Promise((resolve) => {
        const k = window.__kubelab;
        const term = k.app.terminal.term;
        const before = k.lines().length;
        const t0 = performance.now();
        const sub = term.onWriteParsed(() => {
          const l = k.lines();
          if (l.length >= before + 2 && /No resources found|NAME/.test(l.slice(before).join('\n'))) {
            sub.dispose();
            resolve(performance.now() - t0);
          }
        });
        k.input('kubectl get pods\r');
      })));
      await page.waitForFunction(() => !window.__kubelab.busy());
    }
    await ctx.close();

    const heaps = [];
    let runtimeMs = -1;
    for (let i = 0; i < 3; i++) {
      const h = await idleHeap(browser, url);
      heaps.push(h.usedMiB);
      if (i === 0) runtimeMs = h.runtimeMs;
    }
    const articleHeaps = [];
    let article;
    for (let i = 0; i < 3; i++) {
      const h = await idleHeap(browser, `http://127.0.0.1:${port}/?lesson=endpoints`, ARTICLE, { breakdown: i === 0 });
      articleHeaps.push(h.usedMiB);
      article ??= h.breakdown;
    }
    // Where the heap goes: an empty page, and the terminal alone (the simulator chunk blocked).
    const blankHeap = (await idleHeap(browser, 'about:blank', undefined, { block: /^$/ })).usedMiB;
    const terminalHeap = (await idleHeap(browser, url, undefined, { block: /\/assets\/runtime-/ })).usedMiB;

    // The editor: from the header button to a Monaco that takes keys, cold each time.
    const editorTimes = [];
    let editorChunks = { js: [0, 0], css: [0, 0], worker: [0, 0], font: [0, 0] };
    for (let i = 0; i < 3; i++) {
      const ectx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const epage = await ectx.newPage();
      await epage.goto(`http://127.0.0.1:${port}/?lesson=endpoints`);
      await epage.waitForFunction(() => window.__kubelab !== undefined);
      await epage.evaluate(() => window.__kubelab.extras());
      const fetched = [];
      epage.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      editorTimes.push(await epage.evaluate(() => new Promise((resolve) => {
        const t0 = performance.now();
        document.querySelector('.editor-toggle').click();
        const poll = () => {
          // Monaco 0.57 takes keys in a textarea or an EditContext element inside the editor.
          if (document.activeElement?.closest('#editor-pane .monaco-editor')) resolve(performance.now() - t0); else requestAnimationFrame(poll);
        };
        poll();
      })));
      await epage.waitForTimeout(1500); // the YAML worker starts once a model is validated
      if (i === 0) editorChunks = chunkSizes(fetched);
      await ectx.close();
    }

    const bytes = initialBytes(root);
    return {
      'machine load avg 1/5/15 min (before; after)': `${loadBefore}; ${load()} (${cpus().length} CPUs)`,
      'ready median ms (5 cold loads)': median(readyTimes),
      'ready all ms': readyTimes.map((t) => t.toFixed(0)).join(' '),
      'simulator loaded ms (one load)': runtimeMs,
      'initial JS+CSS raw kB': bytes.raw / 1000,
      'initial JS+CSS gzip kB': bytes.gz / 1000,
      'Enter -> output median ms (kubectl get pods)': median(enter),
      'idle JS heap MiB (after GC, median of 3)': median(heaps),
      'idle JS heap MiB, article cluster (median of 3)': median(articleHeaps),
      '  of which machine code MiB (functions compiled)': `${article.machineCodeMiB.toFixed(2)} (${article.compiledCount})`,
      '  bytecode / other code-related MiB': `${article.bytecodeMiB.toFixed(2)} / ${article.otherCodeMiB.toFixed(2)}`,
      '  strings / shapes / JS objects MiB': `${article.stringsMiB.toFixed(2)} / ${article.shapesMiB.toFixed(2)} / ${article.jsObjectsMiB.toFixed(2)}`,
      'idle JS heap MiB, blank page': blankHeap,
      'idle JS heap MiB, terminal only (simulator not loaded)': terminalHeap,
      'editor open -> editable median ms (3 cold)': median(editorTimes),
      'editor lazy JS raw/gzip kB': `${editorChunks.js[0].toFixed(0)} / ${editorChunks.js[1].toFixed(0)}`,
      'editor lazy CSS raw/gzip kB': `${editorChunks.css[0].toFixed(0)} / ${editorChunks.css[1].toFixed(0)}`,
      'editor workers raw/gzip kB': `${editorChunks.worker[0].toFixed(0)} / ${editorChunks.worker[1].toFixed(0)}`,
      'editor fonts raw kB': editorChunks.font[0],
    };
  } finally {
    await browser?.close();
    try { process.kill(preview.pid); } catch { /* already gone */ }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchPage();
  for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(50)} ${typeof v === 'number' ? v.toFixed(v < 10 ? 3 : 1) : v}`);
}
