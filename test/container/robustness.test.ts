/** No argument list makes a container tool throw: every call ends with an exit status. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerParts } from '../../src/shell/container/index.js';
import { networkFor } from '../../src/net/index.js';
import type { Command, CommandIO } from '../../src/shell/command.js';
import { HeadlessTime } from '../../src/shell/time.js';
import { Vfs, writeTree } from '../../src/shell/vfs.js';
import { world, type World } from './harness.js';

const WORDS = ['-s', '-S', '-L', '-I', '-i', '-v', '-o', '-w', '-H', '-m', '-X', '-d', '-k', '-c', '-z', '-x', '-O', '-q', '-y', '+short', '+search',
  '--connect-timeout', '--max-time', '--head', '-type=SRV', '-qO-', 'install', 'update', 'add', 'curl', 'nginx-svc', 'rtfm-service', 'nope',
  '10.96.0.1', '127.0.0.1', 'http://', 'https://rtfm.co.ua', 'nginx-svc:99999', ':80', '', '%{http_code}', 'a', 'SRV', '1', '0', '-1', 'x:y:z', '@', 'addr', 'route'];

let w: World;
let commands: Record<string, Command>;
let fs: Vfs;

beforeAll(async () => {
  w = world();
  for (const f of ['svc-example.yaml', 'rtfm-service.yaml']) await w.type(`kubectl apply -f ${f}`);
  w.cluster.advance(30_000);
  const parts = containerParts({ namespace: 'default', pod: 'nginx-pod', container: 'nginx-container', image: 'ubuntu', env: {}, argv: ['bash'] }, networkFor(w.cluster));
  commands = parts.commands!;
  fs = new Vfs({ now: () => w.cluster.clock.now() });
  writeTree(fs, '/', parts.files!);
  for (const b of ['curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'ps', 'ip', 'nc']) fs.writeFile(`/usr/bin/${b}`, '');
}, 60_000);

describe('container tools never throw', () => {
  it('on random arguments', async () => {
    const names = Object.keys(commands);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...names), fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), fc.boolean(), async (name, args, tty) => {
      const ac = new AbortController();
      const time = new HeadlessTime({ advance: (ms) => w.cluster.advance(Math.min(ms, 1000)) });
      time.setBudget(10_000, () => ac.abort());
      const io: CommandIO = { stdout: () => {}, stderr: () => {}, stdin: '', isTTY: tty, env: new Map(), cwd: '/', fs, signal: ac.signal, time };
      const code = await commands[name]!(args, io);
      expect(Number.isInteger(code)).toBe(true);
    }), { numRuns: 300, seed: 11 });
  }, 120_000);
});
