/** Which main processes the cluster runs itself and which wait for a session (network tools). */
import { describe, expect, it } from 'vitest';
import { resolveImage } from '../../../src/cluster/images.js';
import { planProcess } from '../../../src/cluster/runtime/process.js';

const plan = (image: string, args?: string[], command?: string[]) => planProcess({ name: 'c', image, args, command }, resolveImage(image).info!, 0, 2);

describe('main process plans', () => {
  it('curlimages/curl with args runs the user command through /entrypoint.sh, not the usage text', () => {
    expect(plan('curlimages/curl', ['curl', '-s', 'web'])).toMatchObject({ argv: ['curl', '-s', 'web'], external: true, logs: [] });
    expect(plan('curlimages/curl', ['-s', 'web'])).toMatchObject({ argv: ['curl', '-s', 'web'], external: true });
    expect(plan('curlimages/curl')).toMatchObject({ exitCode: 2, logs: ["curl: try 'curl --help' or 'curl --manual' for more information"] });
  });
  it('busybox wget and sh -c scripts with network tools wait for a session; loops do not', () => {
    expect(plan('busybox', ['wget', '-qO-', 'web'])).toMatchObject({ external: true, argv: ['wget', '-qO-', 'web'] });
    expect(plan('busybox', ['sh', '-c', 'nslookup web && echo ok'])).toMatchObject({ external: true });
    expect(plan('busybox', ['sh', '-c', 'while true; do wget -qO- web; sleep 5; done']).external).toBeUndefined();
    expect(plan('busybox', ['echo', 'hi'])).toMatchObject({ logs: ['hi'], exitCode: 0 });
  });
  it('a tool missing from the image is still a StartError; nginx with its own CMD is still the server', () => {
    expect(plan('busybox', ['curl', 'web']).startError).toMatch(/exec: "curl": executable file not found in \$PATH/);
    const nginx = plan('nginx', ['nginx', '-g', 'daemon off;']);
    expect([nginx.ports, nginx.exitAfterMs, nginx.external]).toEqual([[80], undefined, undefined]);
  });
});
