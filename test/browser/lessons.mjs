// Browser tests for lessons and the editor in the real page: the article lesson typed by hand,
// a reload mid-lesson, and the YAML editor (schema markers, save, kubectl apply, kubectl edit).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Cluster time runs 20x while a test waits for pods: readiness, rollouts and apt take seconds. */
const fastClock = (page) => page.evaluate(() => {
  clearInterval(window.__ff);
  window.__ff = setInterval(() => window.__kubelab.app.driver.fastForward(1000), 50);
});

/** Records what the embed API would send to a host page (stepCompleted, lessonCompleted). */
const recordNotices = (page) => page.evaluate(() => {
  const api = window.__kubelab.app.embed;
  api.__orig ??= api.notify.bind(api);
  const orig = api.__orig;
  window.__notices = [];
  api.notify = (type, payload = {}) => { window.__notices.push({ type, ...payload }); orig(type, payload); };
});

export async function lessonTests({ browser, app, host, root, test, assert, openPage, log }) {
  const lines = (page) => page.evaluate(() => window.__kubelab.lines());
  const idle = (page, timeout = 60000) => page.waitForFunction(() => !window.__kubelab.busy(), null, { timeout });
  const type = async (page, text) => {
    await page.click('#terminal-body .xterm');
    await page.keyboard.type(text, { delay: 2 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(30);
  };
  const typeLine = async (page, text) => { await type(page, text); await idle(page); };
  const state = (page) => page.evaluate(() => window.__kubelab.app.lessonState());
  const stepLabel = (page) => page.textContent('#lesson-pane .lesson-step-label');
  const podNames = async (page) => {
    const before = (await lines(page)).length;
    await typeLine(page, 'kubectl get pods -o name');
    return (await lines(page)).slice(before).filter((l) => l.startsWith('pod/')).sort();
  };

  const lesson = parse(readFileSync(join(root, 'lessons/endpoints/lesson.yaml'), 'utf8'));
  const stepIds = lesson.steps.map((s) => s.id);
  const selectorAt = stepIds.indexOf('pods-by-selector');
  /** Types a step's solution by hand and waits until the page marks the step complete. */
  const doStep = async (page, step) => {
    for (const line of step.solution) await type(page, line);
    await page.waitForFunction((id) => window.__kubelab.app.lessonState().completedSteps.includes(id), step.id, { timeout: 60000 })
      .catch(async () => { throw new Error(`step ${step.id} not completed:\n${(await lines(page)).slice(-15).join('\n')}`); });
  };

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let page;
  let podsBefore = [];

  await test('lesson endpoints: the first steps typed by hand complete in the panel', async () => {
    page = await openPage(context, `${app}/?lesson=endpoints`, log);
    await page.evaluate(() => window.__kubelab.extras());
    await page.waitForSelector('#lesson-pane .lesson-step-label');
    const picked = await page.$eval('#lesson-picker', (s) => s.value);
    assert(picked === 'endpoints', `picker shows ${picked}`);
    await recordNotices(page);
    await fastClock(page);
    for (const step of lesson.steps.slice(0, selectorAt)) await doStep(page, step);
    const label = await stepLabel(page);
    assert(label === `Step ${selectorAt + 1} of ${stepIds.length}`, `step label: ${label}`);
  });

  await test('lesson: a wrong selector twice does not complete the step and its hint appears', async () => {
    assert(!(await page.$('#lesson-pane .lesson-hint')), 'a hint showed before any attempt');
    for (let i = 0; i < 2; i++) await typeLine(page, 'kubectl get pod --selector=app=ngnix -o wide');
    await page.waitForSelector('#lesson-pane .lesson-hint', { timeout: 3000 });
    const hint = await page.textContent('#lesson-pane .lesson-hint');
    assert(hint.includes('-l app=nginx'), `hint text: ${hint}`);
    const st = await state(page);
    assert(st.step === 'pods-by-selector' && !st.completedSteps.includes('pods-by-selector'), `state: ${JSON.stringify(st)}`);
  });

  await test('lesson: a reload mid-lesson returns to the same step with the same cluster', async () => {
    podsBefore = await podNames(page);
    assert(podsBefore.length === 3 && podsBefore.includes('pod/nginx-pod'), `pods: ${podsBefore}`);
    await page.evaluate(() => window.__kubelab.save());
    await page.reload();
    await page.waitForFunction(() => window.__kubelab !== undefined);
    await page.evaluate(() => window.__kubelab.extras());
    await page.waitForFunction(() => document.querySelector('#lesson-pane .lesson-step-label')?.textContent.startsWith('Step'));
    const label = await stepLabel(page);
    assert(label === `Step ${selectorAt + 1} of ${stepIds.length}`, `after reload: ${label}`);
    const hint = await page.textContent('#lesson-pane .lesson-hint');
    assert(hint.includes('-l app=nginx'), `hint not restored: ${hint}`);
    const after = await podNames(page);
    assert(JSON.stringify(after) === JSON.stringify(podsBefore), `pods differ: ${podsBefore} vs ${after}`);
    const st = await state(page);
    assert(st.lesson === 'endpoints' && st.step === 'pods-by-selector' && st.completedSteps.length === selectorAt, `state: ${JSON.stringify(st)}`);
  });

  await test('lesson endpoints: the rest by hand, container steps included; lessonCompleted sent', async () => {
    await recordNotices(page);
    await fastClock(page);
    for (const step of lesson.steps.slice(selectorAt)) await doStep(page, step);
    await idle(page);
    const notices = await page.evaluate(() => window.__notices);
    const done = notices.filter((n) => n.type === 'lessonCompleted');
    assert(done.length === 1 && done[0].lesson === 'endpoints', `notices: ${JSON.stringify(notices.map((n) => n.type))}`);
    const steps = notices.filter((n) => n.type === 'stepCompleted').map((n) => n.step);
    assert(JSON.stringify(steps) === JSON.stringify(stepIds.slice(selectorAt)), `stepCompleted: ${steps}`);
    await page.waitForSelector('#lesson-pane .lesson-done-badge');
    const next = await page.textContent('#lesson-pane .lesson-next');
    assert(next.startsWith('Next lesson: '), `next: ${next}`);
    await page.evaluate(() => clearInterval(window.__ff));
  });
  await context.close();

  await test('editor: schema marker for an unknown field, fix, save, kubectl apply configures', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 800 } });
    const p = await openPage(ctx, `${app}/?lesson=endpoints`, log);
    await p.evaluate(() => window.__kubelab.extras());
    await typeLine(p, 'kubectl apply -f svc-example.yaml');
    assert(!(await p.evaluate(() => 'monaco' in window || window.__kubelabEditor !== undefined)), 'Monaco loaded before the editor opened');
    await typeLine(p, 'nano svc-example.yaml');
    await p.waitForFunction(() => window.__kubelabEditor && document.querySelector('#editor-pane [data-file="svc-example.yaml"]'), null, { timeout: 20000 });
    const markers = () => p.evaluate(() => {
      const { editor, monaco } = window.__kubelabEditor;
      return monaco.editor.getModelMarkers({ resource: editor.getModel().uri }).map((m) => m.message);
    });
    const specLine = await p.evaluate(() => {
      const { editor, monaco } = window.__kubelabEditor;
      const l = editor.getModel().getLinesContent();
      const svc = l.findIndex((x) => x === 'kind: Service');
      const spec = l.findIndex((x, i) => i > svc && x === 'spec:') + 2; // 1-based line after `spec:`
      editor.executeEdits('test', [{ range: new monaco.Range(spec, 1, spec, 1), text: '  foo: bar\n' }]);
      return spec;
    });
    await p.waitForFunction(() => {
      const { editor, monaco } = window.__kubelabEditor;
      return monaco.editor.getModelMarkers({ resource: editor.getModel().uri }).some((m) => /foo/.test(m.message));
    }, null, { timeout: 15000 });
    // The fix: a field the schema knows (explicit default type) instead of the unknown one.
    await p.evaluate((line) => {
      const { editor, monaco } = window.__kubelabEditor;
      editor.executeEdits('test', [{ range: new monaco.Range(line, 1, line + 1, 1), text: '  type: ClusterIP\n' }]);
      editor.focus();
    }, specLine);
    await p.waitForFunction(() => {
      const { editor, monaco } = window.__kubelabEditor;
      return monaco.editor.getModelMarkers({ resource: editor.getModel().uri }).length === 0;
    }, null, { timeout: 15000 }).catch(async () => { throw new Error(`markers stay: ${await markers()}`); });
    await p.keyboard.press('Control+S');
    await p.waitForFunction(() => document.querySelector('#editor-pane .editor-root').dataset.dirty === 'false');
    await p.keyboard.press('Escape');
    const focus = await p.evaluate(() => document.activeElement?.className ?? '');
    assert(focus.includes('xterm-helper-textarea'), `Esc left focus on ${focus}`);
    const before = (await lines(p)).length;
    await typeLine(p, 'kubectl apply -f svc-example.yaml');
    const out = (await lines(p)).slice(before).join('\n');
    assert(out.includes('pod/nginx-pod unchanged') && out.includes('service/nginx-svc configured'), `apply printed:\n${out}`);
    await typeLine(p, 'grep -c ClusterIP svc-example.yaml');
    assert((await lines(p)).at(-2) === '1', 'the saved file is not what cat sees');

    // kubectl edit: the terminal waits for Save and apply.
    await type(p, 'kubectl edit svc nginx-svc');
    await p.waitForFunction(() => document.querySelector('#editor-pane .editor-root')?.dataset.mode === 'kubectl-edit', null, { timeout: 10000 });
    assert(await p.evaluate(() => window.__kubelab.busy()), 'kubectl edit did not wait for the editor');
    await p.evaluate(() => {
      const { editor, monaco } = window.__kubelabEditor;
      const m = editor.getModel();
      const i = m.getLinesContent().findIndex((x) => /^\s+(- )?port: 80$/.test(x)) + 1;
      const col = m.getLineContent(i).indexOf('80') + 1;
      editor.executeEdits('test', [{ range: new monaco.Range(i, col, i, col + 2), text: '8080' }]);
    });
    await p.click('#editor-pane button:has-text("Save and apply")');
    await idle(p);
    const edited = await lines(p);
    assert(edited.includes('service/nginx-svc edited'), `kubectl edit printed:\n${edited.slice(-5).join('\n')}`);
    await typeLine(p, 'kubectl describe svc nginx-svc');
    const d = await lines(p);
    assert(d.some((l) => /^Port:\s+<unset>\s+8080\/TCP$/.test(l)), `describe:\n${d.slice(-20).join('\n')}`);
    // Ctrl-C in the terminal gives up a kubectl edit, as it would kill $EDITOR.
    await type(p, 'kubectl edit svc nginx-svc');
    await p.waitForFunction(() => document.querySelector('#editor-pane .editor-root')?.dataset.mode === 'kubectl-edit', null, { timeout: 10000 });
    await p.click('#terminal-body .xterm');
    await p.keyboard.press('Control+C');
    await idle(p, 3000);
    assert(await p.evaluate(() => document.querySelector('#editor-pane .editor-root').dataset.mode) === 'file', 'the editor stayed in kubectl edit');
    await ctx.close();
  });

  await test('lesson: ?step= jumps there on a fresh cluster; lang=uk panel; terminal commands', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await openPage(ctx, `${app}/?lesson=endpoints&step=get-endpoints&lang=uk`, log);
    // The steps before are replayed at once on a fresh cluster (no learner input needed).
    await p.waitForFunction(() => document.querySelector('#lesson-pane .lesson-step-label')?.textContent === 'Крок 5 з 16', null, { timeout: 30000 })
      .catch(async () => { throw new Error(`uk label: ${await stepLabel(p)}`); });
    await idle(p);
    const st = await state(p);
    assert(st.step === 'get-endpoints' && st.completedSteps.length === 4, `state after the jump: ${JSON.stringify(st)}`);
    await typeLine(p, 'lesson');
    let l = await lines(p);
    assert(l.at(-2).startsWith('урок endpoints: крок 5 з 16'), `lesson command:\n${l.slice(-3).join('\n')}`);
    await typeLine(p, 'solution');
    l = await lines(p);
    assert(l.at(-2).trim() === 'kubectl get endpoints nginx-svc', `solution command:\n${l.slice(-3).join('\n')}`);
    await typeLine(p, 'next');
    await p.waitForFunction(() => window.__kubelab.app.lessonState().step === 'apply-deployment');
    await ctx.close();
  });

  await test('axe-core: lesson panel and editor open, no serious or critical violations', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 800 }, bypassCSP: true });
    const p = await openPage(ctx, `${app}/?lesson=endpoints&theme=light`, log);
    await p.evaluate(() => window.__kubelab.extras());
    await p.waitForSelector('#lesson-pane .lesson-step-label');
    await p.click('.editor-toggle');
    await p.waitForSelector('#editor-pane .monaco-editor', { timeout: 20000 });
    await p.click('#editor-pane .editor-files button:has-text("svc-example.yaml")');
    await p.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
    const v = await p.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')
        .map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert(v.length === 0, v.join('\n     '));
    await p.screenshot({ path: join(root, 'test-results/lesson-editor-light.png') });
    await ctx.close();
  });

  await test('postMessage API: loadLesson with a step, stepCompleted, getState', async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    p.on('pageerror', (e) => log.errors.push(`host: ${e.message}`));
    await p.goto(`${host}/embed-host.html?kubelab=${encodeURIComponent(app + '/')}`);
    await p.evaluate(() => window.kubelabHost.ready);
    await p.evaluate((origin) => {
      window.__got = [];
      window.addEventListener('message', (e) => { if (e.origin === origin && e.data?.kubelab === 1) window.__got.push(e.data); });
      document.getElementById('kubelab').contentWindow.postMessage({ kubelab: 1, type: 'loadLesson', lesson: 'endpoints', step: 'get-service' }, origin);
    }, new URL(app).origin);
    // The step before is replayed on the fresh cluster and reported as completed.
    await p.waitForFunction(() => window.__got.some((m) => m.type === 'stepCompleted' && m.step === 'apply-pod-and-service'), null, { timeout: 20000 });
    const got = await p.evaluate(() => window.__got.map((m) => m.type));
    assert(got.includes('ready'), `no ready after loadLesson: ${got}`);
    const frame = p.frames().find((f) => f.url().startsWith(app));
    await frame.waitForFunction(() => !window.__kubelab.busy() && window.__kubelab.app.lessonState().step === 'get-service');
    const reply = await p.evaluate(() => window.kubelabHost.run('kubectl get svc nginx-svc'));
    assert(/nginx-svc\s+ClusterIP/.test(reply.output), `runCommand: ${JSON.stringify(reply)}`);
    await p.waitForFunction(() => window.__got.some((m) => m.type === 'stepCompleted' && m.lesson === 'endpoints' && m.step === 'get-service'), null, { timeout: 5000 });
    const st = await p.evaluate(() => window.kubelabHost.state());
    assert(st.lesson === 'endpoints' && st.step === 'describe-service' && JSON.stringify(st.completedSteps) === '["apply-pod-and-service","get-service"]', `state: ${JSON.stringify(st)}`);
    await ctx.close();
  });

  await test('lesson: autoplay=1 types the solution itself at reading pace; Stop stops it', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await openPage(ctx, `${app}/?lesson=endpoints&autoplay=1`, log);
    await p.waitForFunction(() => window.__kubelab.app.lessonState().completedSteps.includes('apply-pod-and-service'), null, { timeout: 20000 });
    const l = await lines(p);
    assert(l.some((x) => x.endsWith('$ kubectl apply -f svc-example.yaml')) && l.includes('pod/nginx-pod created'), `autoplay terminal:\n${l.join('\n')}`);
    await p.click('#lesson-pane button:has-text("Stop")');
    await p.waitForSelector('#lesson-pane button:has-text("Auto-play")', { timeout: 10000 });
    await ctx.close();
  });
}
