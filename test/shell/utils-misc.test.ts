import { describe, expect, it } from 'vitest';
import { harness, START } from './helpers.js';

describe('clock, sleep, date, watch', () => {
  it('sleep advances virtual time and date reads it', async () => {
    const h = harness();
    expect(await h.run('date')).toBe('Thu Nov 26 23:00:00 UTC 2026\n');
    await h.run('sleep 90');
    expect(h.now() - START).toBe(90_000);
    expect(await h.run('date +%H:%M:%S')).toBe('23:01:30\n');
    expect(await h.run('sleep 1m 0.5s; date +%s')).toBe(`${Math.floor((START + 150_500) / 1000)}\n`);
    expect(await h.run('sleep x')).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
    expect(await h.run('sleep')).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
  });

  it('sleep stops on Ctrl-C with status 130', async () => {
    const h = harness();
    const ctl = new AbortController();
    h.time.setBudget(3000, () => ctl.abort());
    const r = await h.session.feed('sleep 100; echo after', { stdout: () => {}, stderr: () => {} }, ctl.signal);
    expect(r.exitCode).toBe(130);
    expect(h.now() - START).toBe(3000);
  });

  it('watch re-runs every 2 s with the procps header until interrupted', async () => {
    const h = harness();
    let out = '';
    const ctl = new AbortController();
    h.time.setBudget(4000, () => ctl.abort());
    await h.session.feed('watch date', { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } }, ctl.signal);
    const header = (t: string) => 'Every 2.0s: date' + ' '.repeat(79 - 16 - `kubelab: ${t}`.length) + `kubelab: ${t}`;
    expect(out).toBe('\x1b[?1049h' +
      `\x1b[H\x1b[2J${header('Thu Nov 26 23:00:00 2026')}\n\nThu Nov 26 23:00:00 UTC 2026\n` +
      `\x1b[H\x1b[2J${header('Thu Nov 26 23:00:02 2026')}\n\nThu Nov 26 23:00:02 UTC 2026\n` +
      '\x1b[?1049l');
  });
});

describe('small commands', () => {
  it('clear, whoami, hostname, true, false, which, type', async () => {
    const h = harness();
    expect(await h.run('clear')).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect(await h.run('whoami; hostname')).toBe('learner\nkubelab\n');
    expect(await h.run('true; echo $?; false; echo $?')).toBe('0\n1\n');
    expect(await h.run('which kubectl grep; echo $?')).toBe('/usr/local/bin/kubectl\n/usr/bin/grep\n0\n');
    expect(await h.run('which cd nope; echo $?')).toBe('1\n');
    expect(await h.run('type cd nope')).toBe('cd is a shell builtin\nbash: type: nope: not found\n');
  });

  it('history numbers commands as bash does', async () => {
    const h = harness();
    await h.run('echo a', 'echo b');
    expect(await h.run('history')).toBe('    1  echo a\n    2  echo b\n    3  history\n');
    expect(await h.run('history 1')).toBe('    4  history 1\n');
  });

  it('help lists the commands of this host', async () => {
    const h = harness();
    const out = await h.run('help');
    expect(out).toContain('kubectl');
    expect(out.split('\n')[0]).toBe('kubelab shell on kubelab. Commands here:');
  });

  it('editors call the injected hook, or print a note headless', async () => {
    const opened: string[] = [];
    const h = harness({ openEditor: async (p) => { opened.push(p); } });
    expect(await h.run('nano pod.yaml')).toBe('');
    expect(opened).toEqual(['/home/learner/pod.yaml']);
    const headless = harness();
    expect(await headless.run('vi pod.yaml')).toBe('[vi: no editor in this headless session; pod.yaml left unchanged]\n');
  });

  it('env, export -p and test', async () => {
    const h = harness();
    expect(await h.run('env | grep ^HOME=')).toBe('HOME=/home/learner\n');
    expect(await h.run('export A=1; export -p | grep " A="')).toBe('declare -x A="1"\n');
    expect(await h.run('[ -f nope ] || echo missing; test 3 -gt 2 && echo yes')).toBe('missing\nyes\n');
  });
});

describe('colours and aliases from ~/.bashrc', () => {
  it('ls and grep colour on the terminal as GNU does (bytes from coreutils 9.1 / grep 3.8 --color=always)', async () => {
    const h = harness({ files: { 'f': '', 'g.yaml': '', 't': 'a name b\n' } });
    await h.run('mkdir d');
    expect(await h.raw('ls')).toBe('\x1b[0m\x1b[01;34md\x1b[0m  f  g.yaml  t\n');
    expect(await h.raw('ls | cat')).toBe('d\nf\ng.yaml\nt\n');
    expect(await h.raw('grep -n name t f t')).toBe(
      '\x1b[35m\x1b[Kt\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[32m\x1b[K1\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[Ka \x1b[01;31m\x1b[Kname\x1b[m\x1b[K b\n'.repeat(2));
    expect(await h.raw('grep name t | cat')).toBe('a name b\n');
  });

  it('aliases: ll, type, unalias', async () => {
    const h = harness({ files: { 'x.yaml': '' } });
    expect(await h.run('ll | head -1')).toBe('total 16\n');
    expect(await h.run('type ll')).toBe("ll is aliased to `ls -alF'\n");
    expect(await h.run('alias k=kubectl; k get pods')).toBe('kubectl get pods\n');
    expect(await h.run('unalias k; k')).toBe('bash: k: command not found\n');
  });
});

describe('xargs and pagers', () => {
  it('xargs batches words, replaces -I strings, reports missing commands like GNU', async () => {
    const h = harness();
    expect(await h.run('printf "a\\nb\\nc\\n" | xargs echo x')).toBe('x a b c\n');
    expect(await h.run('printf "a\\nb\\nc\\n" | xargs -n 2 echo')).toBe('a b\nc\n');
    expect(await h.run('printf "f1\\nf2\\n" | xargs -I{} echo "<{}>"')).toBe('<f1>\n<f2>\n');
    expect(await h.run('echo a | xargs nosuch; echo $?')).toBe('xargs: nosuch: No such file or directory\n127\n');
    expect(await h.run('echo a | xargs false; echo $?')).toBe('123\n');
  });

  it('less and more print everything (no pager in kubelab)', async () => {
    const h = harness({ files: { 'a.txt': 'A\n' } });
    expect(await h.run('echo hi | less')).toBe('hi\n');
    expect(await h.run('more a.txt')).toBe('A\n');
  });
});
