/** File utilities against the virtual fs; messages as GNU coreutils 9 prints them (LANG=C.UTF-8). */
import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

describe('ls', () => {
  it('lists names one per line into a pipe and in columns on the terminal', async () => {
    const h = harness({ files: { 'svc-example.yaml': 'x', 'deploy-example.yaml': 'y', 'b.txt': '' } });
    expect(await h.run('ls | cat')).toBe('b.txt\ndeploy-example.yaml\nsvc-example.yaml\n');
    expect(await h.run('ls')).toBe('b.txt  deploy-example.yaml  svc-example.yaml\n');
    expect(await h.run('ls -1')).toBe('b.txt\ndeploy-example.yaml\nsvc-example.yaml\n');
    expect(await h.run('ls -a | head -3')).toBe('.\n..\n.bashrc\n');
  });

  it('ls -l shows mode, links, owner, size and virtual mtime', async () => {
    const h = harness({ files: { 'svc.yaml': 'kind: Service\n' } });
    await h.run('mkdir sub');
    expect(await h.run('ls -l')).toBe(
      'total 8\n' +
      'drwxr-xr-x 2 learner learner 4096 Nov 26 23:00 sub\n' +
      '-rw-r--r-- 1 learner learner   14 Nov 26 23:00 svc.yaml\n');
    await h.run('sleep 120', 'touch svc.yaml');
    expect(await h.run('ls -l svc.yaml')).toBe('-rw-r--r-- 1 learner learner 14 Nov 26 23:02 svc.yaml\n');
  });

  it('reports missing operands with exit status 2', async () => {
    const h = harness();
    expect(await h.run('ls nope; echo $?')).toBe("ls: cannot access 'nope': No such file or directory\n2\n");
    expect(await h.run('ls -Q')).toBe("ls: invalid option -- 'Q'\nTry 'ls --help' for more information.\n");
  });

  it('several operands: files first, then each directory under a header', async () => {
    const h = harness({ files: { 'a.txt': '', 'd/x': '', 'd/y': '' } });
    expect(await h.run('ls -1 d a.txt')).toBe('a.txt\n\nd:\nx\ny\n');
  });
});

describe('touch, mkdir, rm, cp, mv, tee', () => {
  it('creates and removes files and directories', async () => {
    const h = harness();
    expect(await h.run('touch a && mkdir -p x/y/z && ls -1')).toBe('a\nx\n');
    expect(await h.run('mkdir x')).toBe('mkdir: cannot create directory ‘x’: File exists\n');
    expect(await h.run('mkdir q/r')).toBe('mkdir: cannot create directory ‘q/r’: No such file or directory\n');
    expect(await h.run('rm x')).toBe("rm: cannot remove 'x': Is a directory\n");
    expect(await h.run('rm -r x && ls')).toBe('a\n');
    expect(await h.run('rm nope; echo $?')).toBe("rm: cannot remove 'nope': No such file or directory\n1\n");
    expect(await h.run('rm -f nope; echo $?')).toBe('0\n');
    expect(await h.run('rm')).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
    expect(await h.run('touch a/b')).toBe("touch: cannot touch 'a/b': Not a directory\n");
    expect(await h.run('touch d/b')).toBe("touch: cannot touch 'd/b': No such file or directory\n");
  });

  it('cp and mv copy and rename, into directories too', async () => {
    const h = harness({ files: { 'a.yaml': 'A\n' } });
    expect(await h.run('cp a.yaml b.yaml && cat b.yaml')).toBe('A\n');
    expect(await h.run('mkdir d && mv b.yaml d && ls d && ls')).toBe('b.yaml\na.yaml\td\n');
    expect(await h.run('cp nope x')).toBe("cp: cannot stat 'nope': No such file or directory\n");
    expect(await h.run('cp d e')).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect(await h.run('cp -r d e && ls e')).toBe('b.yaml\n');
    expect(await h.run('mv nope x')).toBe("mv: cannot stat 'nope': No such file or directory\n");
    expect(await h.run('cp a.yaml')).toBe("cp: missing destination file operand after 'a.yaml'\nTry 'cp --help' for more information.\n");
  });

  it('tee writes stdin to files and stdout', async () => {
    const h = harness();
    expect(await h.run('echo hi | tee out.txt')).toBe('hi\n');
    expect(await h.run('echo more | tee -a out.txt > /dev/null; cat out.txt')).toBe('hi\nmore\n');
  });

  it('pwd and cd, including cd - and errors', async () => {
    const h = harness({ files: { 'f': '' } });
    expect(await h.run('pwd')).toBe('/home/learner\n');
    expect(await h.run('cd /tmp && pwd')).toBe('/tmp\n');
    expect(h.session.prompt()).toBe('learner@kubelab:/tmp$ ');
    expect(await h.run('cd -')).toBe('/home/learner\n');
    expect(await h.run('cd f')).toBe('bash: cd: f: Not a directory\n');
    expect(await h.run('cd a b')).toBe('bash: cd: too many arguments\n');
    expect(await h.run('cd /; cd; pwd')).toBe('/home/learner\n');
  });
});

describe('ls column layout', () => {
  it('matches GNU ls -C byte for byte (tabs at 8-column stops)', async () => {
    const { columns } = await import('../../src/shell/utils/ls.js');
    const names = ['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccc', 'dddddddddddddddddd', 'eeeee', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p'];
    // `COLUMNS=80 ls -C` and `COLUMNS=40 ls -C` in a directory holding these names (coreutils 9.1).
    expect(columns(names, 80)).toBe('aaaaaaaaaaaaaaaaaaaa  cccccccccccccccccccc  eeeee  g  i  k  m  o\nbbbbbbbbbbbbbbbbbbbb  dddddddddddddddddd    f\t   h  j  l  n  p\n');
    expect(columns(names, 40)).toBe('aaaaaaaaaaaaaaaaaaaa  eeeee  i\tm\nbbbbbbbbbbbbbbbbbbbb  f      j\tn\ncccccccccccccccccccc  g      k\to\ndddddddddddddddddd    h      l\tp\n');
    expect(columns(['deploy-example.yaml', 'external-endpoint.yaml', 'rtfm-service.yaml', 'svc-example.yaml'], 80))
      .toBe('deploy-example.yaml\trtfm-service.yaml\nexternal-endpoint.yaml\tsvc-example.yaml\n');
  });
});

describe('terminal width', () => {
  it('ls lays out columns to the width the page reports', async () => {
    const { harness } = await import('./helpers.js');
    const h = harness({ files: { 'deploy-example.yaml': '', 'external-endpoint.yaml': '', 'rtfm-service.yaml': '', 'svc-example.yaml': '' } });
    expect(await h.run('ls')).toBe('deploy-example.yaml\trtfm-service.yaml\nexternal-endpoint.yaml\tsvc-example.yaml\n');
    h.session.resize(120, 40);
    expect(await h.run('ls')).toBe('deploy-example.yaml  external-endpoint.yaml  rtfm-service.yaml\tsvc-example.yaml\n');
  });
});

describe('find, printenv, uname, ls -t/-S', () => {
  it('find walks paths with -name, -type and -maxdepth', async () => {
    const { harness } = await import('./helpers.js');
    const h = harness({ files: { 'a/x.yaml': '', 'a/b/y.yaml': '', 'c.txt': '' } });
    expect(await h.run('find a')).toBe('a\na/b\na/b/y.yaml\na/x.yaml\n');
    expect(await h.run('find . -name "*.yaml"')).toBe('./a/b/y.yaml\n./a/x.yaml\n');
    expect(await h.run('find a -type d')).toBe('a\na/b\n');
    expect(await h.run('find a -maxdepth 1 -type f')).toBe('a/x.yaml\n');
    expect(await h.run('find nope')).toBe('find: ‘nope’: No such file or directory\n');
  });

  it('printenv and uname', async () => {
    const { harness } = await import('./helpers.js');
    const h = harness();
    expect(await h.run('printenv HOME NOPE; echo $?')).toBe('/home/learner\n1\n');
    expect(await h.run('uname; uname -r; uname -m')).toBe('Linux\n6.8.0-60-generic\nx86_64\n');
  });

  it('ls -t sorts newest first, -S largest first', async () => {
    const { harness } = await import('./helpers.js');
    const h = harness({ files: { 'old.txt': 'xxxxxxxx', 'mid.txt': 'x' } });
    await h.run('sleep 60', 'touch new.txt');
    expect(await h.run('ls -t | head -1')).toBe('new.txt\n');
    expect(await h.run('ls -S | head -1')).toBe('old.txt\n');
  });
});

describe('more GNU error texts (coreutils 9.1, LANG=C.UTF-8)', () => {
  it('sort, mv, cp, sed', async () => {
    const { harness } = await import('./helpers.js');
    const h = harness();
    expect(await h.run('sort nope; echo $?')).toBe('sort: cannot read: nope: No such file or directory\n2\n');
    expect(await h.run('touch a; mv a /nodir/b')).toBe("mv: cannot move 'a' to '/nodir/b': No such file or directory\n");
    expect(await h.run('cp a /nodir/b')).toBe("cp: cannot create regular file '/nodir/b': No such file or directory\n");
    expect(await h.run('mkdir -p dd; cp -r dd dd/x')).toBe("cp: cannot copy a directory, 'dd', into itself, 'dd/x'\n");
    expect(await h.run('echo | sed "s/a"')).toBe("sed: -e expression #1, char 3: unterminated `s' command\n");
    expect(await h.run('echo | sed k')).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
    expect(await h.run('cat -z')).toBe("cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n");
  });
});
