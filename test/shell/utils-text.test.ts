/** Text utilities: expected outputs taken from GNU coreutils 9 / grep 3 / sed 4 / mawk (LANG=C.UTF-8). */
import { describe, expect, it } from 'vitest';
import { harness } from './helpers.js';

const files = { 'data.txt': 'b 2\na 10\nc 1\na 10\n', 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx-svc\n' };

describe('cat, echo, printf', () => {
  it('cat concatenates, numbers lines, reports missing files and keeps going', async () => {
    const h = harness({ files });
    expect(await h.run('cat data.txt')).toBe(files['data.txt']);
    expect(await h.run('cat -n data.txt | head -2')).toBe('     1\tb 2\n     2\ta 10\n');
    expect(await h.run('cat nope data.txt')).toBe('cat: nope: No such file or directory\n' + files['data.txt']);
    expect(h.last.exitCode).toBe(1);
    expect(await h.run('cat /tmp')).toBe('cat: /tmp: Is a directory\n');
    expect(await h.run('echo piped | cat')).toBe('piped\n');
  });

  it('echo -n, -e and literal options', async () => {
    const h = harness();
    expect(await h.run('echo -n a; echo b')).toBe('ab\n');
    expect(await h.run('echo -e "a\\tb\\nc"')).toBe('a\tb\nc\n');
    expect(await h.run('echo "a\\tb"')).toBe('a\\tb\n');
    expect(await h.run('echo -x')).toBe('-x\n');
  });

  it('printf formats and reuses the format for extra arguments', async () => {
    const h = harness();
    expect(await h.run('printf "%s=%d\\n" a 1 b 2')).toBe('a=1\nb=2\n');
    expect(await h.run('printf "%05.1f|%x|%-4s|%%\\n" 3.14159 255 ab')).toBe('003.1|ff|ab  |%\n');
    expect(await h.run('printf "%d\\n" abc')).toBe('printf: abc: invalid number\n0\n');
  });
});

describe('grep', () => {
  it('matches with -i -v -c -n -o -w -q and sets exit codes', async () => {
    const h = harness({ files });
    expect(await h.run('grep a data.txt')).toBe('a 10\na 10\n');
    expect(await h.run('grep -v a data.txt')).toBe('b 2\nc 1\n');
    expect(await h.run('grep -c a data.txt')).toBe('2\n');
    expect(await h.run('grep -n 1 data.txt')).toBe('2:a 10\n3:c 1\n4:a 10\n');
    expect(await h.run('grep -o "a." data.txt')).toBe('a \na \n');
    expect(await h.run('grep -i KIND svc.yaml')).toBe('kind: Service\n');
    expect(await h.run('grep -w nginx svc.yaml; echo $?')).toBe('  name: nginx-svc\n0\n');
    expect(await h.run('grep -w ngin svc.yaml; echo $?')).toBe('1\n');
    expect(await h.run('grep -q Service svc.yaml; echo $?')).toBe('0\n');
  });

  it('BRE vs ERE, \\< \\> word edges, character classes', async () => {
    const h = harness({ files });
    expect(await h.run('grep "\\<name\\>" svc.yaml')).toBe('  name: nginx-svc\n');
    expect(await h.run('grep "a\\|c" data.txt')).toBe('a 10\nc 1\na 10\n');
    expect(await h.run('grep -E "^(b|c) " data.txt')).toBe('b 2\nc 1\n');
    expect(await h.run('grep "^(b|c)" data.txt; echo $?')).toBe('1\n');
    expect(await h.run('grep -E "[[:digit:]]{2}" data.txt')).toBe('a 10\na 10\n');
    expect(await h.run('grep -E "(" data.txt; echo $?')).toBe('grep: Unmatched ( or \\(\n2\n');
  });

  it('several files get name prefixes; missing ones exit 2', async () => {
    const h = harness({ files });
    expect(await h.run('grep -c a data.txt nope; echo $?')).toBe('data.txt:2\ngrep: nope: No such file or directory\n2\n');
    expect(await h.run('grep -r nginx')).toBe('svc.yaml:  name: nginx-svc\n');
    expect(await h.run('grep -r nginx .')).toBe('./svc.yaml:  name: nginx-svc\n');
    expect(await h.run('grep')).toBe("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect(await h.run('grep -Z x data.txt')).toBe("grep: invalid option -- 'Z'\nTry 'grep --help' for more information.\n");
  });
});

describe('head, tail, wc', () => {
  it('head and tail with -n, -N, +N and errors', async () => {
    const h = harness({ files });
    expect(await h.run('head -n 1 data.txt')).toBe('b 2\n');
    expect(await h.run('head -2 data.txt')).toBe('b 2\na 10\n');
    expect(await h.run('tail -n 1 data.txt')).toBe('a 10\n');
    expect(await h.run('tail -n +3 data.txt')).toBe('c 1\na 10\n');
    expect(await h.run('head -c 3 data.txt')).toBe('b 2');
    expect(await h.run('head -n z data.txt')).toBe('head: invalid number of lines: ‘z’\n');
    expect(await h.run('tail nope')).toBe("tail: cannot open 'nope' for reading: No such file or directory\n");
    expect(await h.run('head -n1 data.txt svc.yaml')).toBe('==> data.txt <==\nb 2\n\n==> svc.yaml <==\napiVersion: v1\n');
  });

  it('wc column widths as GNU computes them', async () => {
    const h = harness({ files });
    expect(await h.run('wc data.txt')).toBe(' 4  8 18 data.txt\n');
    expect(await h.run('wc -l data.txt')).toBe('4 data.txt\n');
    expect(await h.run('cat data.txt | wc')).toBe('      4       8      18\n');
    expect(await h.run('cat data.txt | wc -l')).toBe('4\n');
    expect(await h.run('wc data.txt data.txt')).toBe(' 4  8 18 data.txt\n 4  8 18 data.txt\n 8 16 36 total\n');
  });
});

describe('sort, uniq, cut, tr', () => {
  it('sort -n -r -k -u', async () => {
    const h = harness({ files });
    expect(await h.run('sort data.txt')).toBe('a 10\na 10\nb 2\nc 1\n');
    expect(await h.run('sort -k2 -n data.txt')).toBe('c 1\nb 2\na 10\na 10\n');
    expect(await h.run('sort -u data.txt')).toBe('a 10\nb 2\nc 1\n');
    expect(await h.run('sort -r data.txt | head -1')).toBe('c 1\n');
    expect(await h.run('sort -k z data.txt')).toBe('sort: invalid number at field start: invalid count at start of ‘z’\n');
  });

  it('uniq -c counts adjacent duplicates', async () => {
    const h = harness({ files });
    expect(await h.run('uniq -c data.txt')).toBe('      1 b 2\n      1 a 10\n      1 c 1\n      1 a 10\n');
    expect(await h.run('sort data.txt | uniq -c')).toBe('      2 a 10\n      1 b 2\n      1 c 1\n');
  });

  it('cut -d -f and its errors', async () => {
    const h = harness({ files });
    expect(await h.run('cut -d " " -f2 data.txt')).toBe('2\n10\n1\n10\n');
    expect(await h.run('echo a:b:c:d | cut -d: -f1,3-')).toBe('a:c:d\n');
    expect(await h.run('echo abcdef | cut -c2-4')).toBe('bcd\n');
    expect(await h.run('cut data.txt')).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    expect(await h.run('cut -f0 data.txt')).toBe("cut: fields are numbered from 1\nTry 'cut --help' for more information.\n");
  });

  it('tr translates, deletes, squeezes', async () => {
    const h = harness();
    expect(await h.run('echo hello | tr a-z A-Z')).toBe('HELLO\n');
    expect(await h.run('echo hello | tr -d l')).toBe('heo\n');
    expect(await h.run('echo "a   b" | tr -s " "')).toBe('a b\n');
    expect(await h.run('echo ab | tr "[:lower:]" "[:upper:]"')).toBe('AB\n');
    expect(await h.run('tr a')).toBe("tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
  });
});

describe('sed and awk', () => {
  it('sed s///g, -n p, addresses, & and groups', async () => {
    const h = harness({ files });
    expect(await h.run('echo aaa | sed s/a/b/')).toBe('baa\n');
    expect(await h.run('echo aaa | sed s/a/b/g')).toBe('bbb\n');
    expect(await h.run('echo aaa | sed s/a/b/2')).toBe('aba\n');
    expect(await h.run('echo abc | sed "s/b/[&]/"')).toBe('a[b]c\n');
    expect(await h.run('echo ab | sed -E "s/(a)(b)/\\2\\1/"')).toBe('ba\n');
    expect(await h.run('sed -n "2p" data.txt')).toBe('a 10\n');
    expect(await h.run('sed -n "/kind/p" svc.yaml')).toBe('kind: Service\n');
    expect(await h.run('sed "1d" data.txt')).toBe('a 10\nc 1\na 10\n');
    expect(await h.run('sed -n "s/nginx/web/p" svc.yaml')).toBe('  name: web-svc\n');
    expect(await h.run('sed p nope')).toBe("sed: can't read nope: No such file or directory\n");
  });

  it('sed -i edits in place', async () => {
    const h = harness({ files });
    expect(await h.run('sed -i "s/nginx-svc/other/" svc.yaml && grep name: svc.yaml')).toBe('  name: other\n');
  });

  it('awk prints fields with -F, NR/NF, patterns and END', async () => {
    const h = harness({ files });
    expect(await h.run("awk '{print $2}' data.txt")).toBe('2\n10\n1\n10\n');
    expect(await h.run("echo 'a b' | awk '{print $2, $1; print NF}'")).toBe('b a\n2\n');
    expect(await h.run("awk -F: '/kind/ {print $2}' svc.yaml")).toBe(' Service\n');
    expect(await h.run("awk 'NR==2' data.txt")).toBe('a 10\n');
    expect(await h.run("awk '{s += $2} END {print s}' data.txt")).toBe('23\n');
    expect(await h.run("awk '$2 > 5 {print $1}' data.txt")).toBe('a\na\n');
    expect(await h.run("awk '{print $NF}' data.txt | head -1")).toBe('2\n');
    expect(await h.run("awk '{print}' nope")).toBe('awk: cannot open nope (No such file or directory)\n');
  });

  it('base64 encodes and decodes', async () => {
    const h = harness();
    expect(await h.run('echo hi | base64')).toBe('aGkK\n');
    expect(await h.run('echo aGkK | base64 -d')).toBe('hi\n');
    expect(await h.run('echo "!!" | base64 -d')).toBe('base64: invalid input\n');
  });
});
