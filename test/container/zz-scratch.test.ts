import { it } from 'vitest';
import { world } from './harness.js';
it('scratch', async () => {
  const w = world();
  const show = async (l: string) => { const r = await w.type(l); process.stdout.write(`$ ${l}\n${r.all}[rc=${r.code}]\n`); };
  for (const l of ['kubectl apply -f svc-example.yaml', 'kubectl apply -f external-endpoint.yaml', 'kubectl apply -f rtfm-service.yaml', 'kubectl apply -f headless.yaml', 'kubectl apply -f deploy-example.yaml']) await w.type(l);
  w.cluster.advance(30000);
  await show('kubectl run u --rm -i --tty --image ubuntu -- bash');
  for (const l of (process.env.LINES ?? '').split(';;')) await show(l);
}, 60000);
