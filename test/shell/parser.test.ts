import { describe, expect, it } from 'vitest';
import { parse } from '../../src/shell/parser/parse.js';
import type { SimpleCommand, Word } from '../../src/shell/parser/ast.js';
import { harness } from './helpers.js';

const words = (src: string): string[][] => {
  const r = parse(src);
  if (r.kind !== 'ok') throw new Error(r.kind);
  return r.list.items.map((i) => (i.andOr.first.cmds[0] as SimpleCommand).words.map((w: Word) => w.raw));
};

describe('parser', () => {
  it('splits words and keeps quotes in raw text', () => {
    expect(words(`echo "a b" 'c d' e\\ f`)).toEqual([['echo', '"a b"', "'c d'", 'e\\ f']]);
  });

  it('parses lists, pipelines and and-or chains', () => {
    const r = parse('a | b && c || d; e');
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.list.items).toHaveLength(2);
    expect(r.list.items[0]!.andOr.first.cmds).toHaveLength(2);
    expect(r.list.items[0]!.andOr.rest.map((x) => x.op)).toEqual(['&&', '||']);
  });

  it.each([
    ['echo "open', 'unclosed double quote'],
    ["echo 'open", 'unclosed single quote'],
    ['echo a \\', 'trailing backslash'],
    ['ls |', 'trailing pipe'],
    ['true &&', 'trailing &&'],
    ['cat <<EOF', 'heredoc without body'],
    ['cat <<EOF\nline', 'heredoc without delimiter'],
    ['echo $(date', 'open command substitution'],
    ['(echo a', 'open subshell'],
  ])('asks for more input: %s (%s)', (src) => {
    expect(parse(src).kind).toBe('incomplete');
  });

  it.each([
    ['| ls', '|'],
    ['ls | | wc', '|'],
    ['echo >', 'newline'],
    ['echo > |', '|'],
    [';', ';'],
    ['ls ;;', ';;'],
    ['&& ls', '&&'],
    ['echo a )', ')'],
    ['echo a (b)', '('],
    ['| echo "unclosed', '|'],
  ])('syntax error for %j near %j', (src, token) => {
    expect(parse(src)).toEqual({ kind: 'error', token });
  });

  it('reads heredoc bodies, <<- strips tabs, quoted delimiters disable expansion', () => {
    const r = parse("cat <<-'END' | wc\n\tx $HOME\n\tEND");
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const redirect = (r.list.items[0]!.andOr.first.cmds[0] as SimpleCommand).redirects[0]!;
    expect(redirect.heredoc).toEqual({ body: 'x $HOME\n', expand: false });
  });

  it('treats # as a comment only at the start of a word', () => {
    expect(words('echo a#b # c')).toEqual([['echo', 'a#b']]);
  });

  it('recognises fd numbers and assignments', () => {
    const r = parse('X=1 cmd 2>&1 >out');
    if (r.kind !== 'ok') throw new Error(r.kind);
    const c = r.list.items[0]!.andOr.first.cmds[0] as SimpleCommand;
    expect(c.assigns.map((a) => a.name)).toEqual(['X']);
    expect(c.redirects.map((x) => [x.fd, x.op])).toEqual([[2, '>&'], [1, '>']]);
  });
});

describe('shell syntax through the session', () => {
  it('prints bash syntax errors with exit status 2 and stays usable', async () => {
    const h = harness();
    expect(await h.run('| ls')).toBe("bash: syntax error near unexpected token `|'\n");
    expect(h.last.exitCode).toBe(2);
    expect(await h.run('echo $?')).toBe('2\n');
    expect(await h.run('echo >')).toBe("bash: syntax error near unexpected token `newline'\n");
  });

  it('continues lines with the > prompt', async () => {
    const h = harness();
    await h.run('echo "one');
    expect(h.last.complete).toBe(false);
    expect(h.session.prompt()).toBe('> ');
    expect(await h.run('two"')).toBe('one\ntwo\n');
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
    expect(await h.run('echo a \\', 'b')).toBe('a b\n');
    expect(await h.run('echo x |', 'tr x y')).toBe('y\n');
  });

  it('expands variables, $?, command substitution, arithmetic and tildes', async () => {
    const h = harness();
    expect(await h.run('X=hello; echo $X ${X}! "$X" \'$X\'')).toBe('hello hello! hello $X\n');
    expect(await h.run('false; echo $?')).toBe('1\n');
    expect(await h.run('echo "now: $(echo inner)" `echo back`')).toBe('now: inner back\n');
    expect(await h.run('echo $((2 * (3 + 4)))')).toBe('14\n');
    expect(await h.run('echo ~ ~/x "~"')).toBe('/home/learner /home/learner/x ~\n');
    expect(await h.run('echo ${UNSET:-default} [$UNSET]')).toBe('default []\n');
  });

  it('X=1 cmd sets the variable for that command only; export makes it visible to env', async () => {
    const h = harness();
    expect(await h.run('FOO=bar env | grep FOO')).toBe('FOO=bar\n');
    expect(await h.run('echo "[$FOO]"')).toBe('[]\n');
    await h.run('BAR=1');
    expect(await h.run('env | grep -c BAR')).toBe('0\n');
    await h.run('export BAR');
    expect(await h.run('env | grep BAR')).toBe('BAR=1\n');
    await h.run('unset BAR');
    expect(await h.run('echo "[$BAR]"')).toBe('[]\n');
  });

  it('splits unquoted expansions into fields and globs against the virtual fs', async () => {
    const h = harness({ files: { 'a.yaml': '', 'b.yaml': '', 'c.txt': '' } });
    expect(await h.run('X="1  2"; printf "<%s>" $X "$X"; echo')).toBe('<1><2><1  2>\n');
    expect(await h.run('echo *.yaml')).toBe('a.yaml b.yaml\n');
    expect(await h.run('echo "*.yaml" nomatch*')).toBe('*.yaml nomatch*\n');
    expect(await h.run('echo [ab].yaml ?.txt')).toBe('a.yaml b.yaml c.txt\n');
  });

  it('heredocs expand unless the delimiter is quoted', async () => {
    const h = harness();
    expect(await h.run('N=5', 'cat <<EOF', 'n=$N', 'EOF')).toBe('n=5\n');
    expect(await h.run("cat <<'EOF'", 'n=$N', 'EOF')).toBe('n=$N\n');
    expect(await h.run('cat <<-EOF', '\tindented', '\tEOF')).toBe('indented\n');
    expect(await h.run('cat > f.yaml <<EOF', 'kind: Pod', 'EOF', 'cat f.yaml')).toBe('kind: Pod\n');
  });

  it('redirects: >, >>, <, 2>, 2>&1, &>, /dev/null', async () => {
    const h = harness();
    await h.run('echo one > f', 'echo two >> f');
    expect(await h.run('cat < f')).toBe('one\ntwo\n');
    expect(await h.run('cat nope 2> err; cat err')).toBe('cat: nope: No such file or directory\n');
    expect(await h.run('cat nope 2>&1 | tr a-z A-Z')).toBe('CAT: NOPE: NO SUCH FILE OR DIRECTORY\n');
    expect(await h.run('cat f nope &> both; cat both')).toBe('one\ntwo\ncat: nope: No such file or directory\n');
    expect(await h.run('cat nope 2>/dev/null; echo $?')).toBe('1\n');
    expect(await h.run('cat < missing')).toBe('bash: missing: No such file or directory\n');
    expect(await h.run('echo x > /nodir/f')).toBe('bash: /nodir/f: No such file or directory\n');
    expect(await h.run('echo x > /tmp')).toBe('bash: /tmp: Is a directory\n');
  });

  it('unknown commands: bash text and 127; paths that do not exist', async () => {
    const h = harness();
    expect(await h.run('nosuch --flag')).toBe('bash: nosuch: command not found\n');
    expect(h.last.exitCode).toBe(127);
    expect(await h.run('./run.sh')).toBe('bash: ./run.sh: No such file or directory\n');
    expect(await h.run('/usr/bin/echo via path')).toBe('via path\n');
  });

  it('&&, ||, ! and subshells', async () => {
    const h = harness();
    expect(await h.run('true && echo a || echo b')).toBe('a\n');
    expect(await h.run('false && echo a || echo b')).toBe('b\n');
    expect(await h.run('! false; echo $?')).toBe('0\n');
    expect(await h.run('(cd /tmp; pwd); pwd')).toBe('/tmp\n/home/learner\n');
  });

  it('yes | head stops yes like SIGPIPE', async () => {
    const h = harness();
    expect(await h.run('yes | head -n 2')).toBe('y\ny\n');
    expect(await h.run('yes hi | head -1')).toBe('hi\n');
  });
});

describe('compound commands', () => {
  it('for, while, until, if/elif/else, break and continue', async () => {
    const h = harness();
    expect(await h.run('for i in 1 2 3; do echo "n=$i"; done')).toBe('n=1\nn=2\nn=3\n');
    expect(await h.run('for f in a b', 'do', 'echo $f', 'done')).toBe('a\nb\n');
    expect(await h.run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done')).toBe('1\n2\n3\n');
    expect(await h.run('until true; do echo never; done; echo after')).toBe('after\n');
    expect(await h.run('if false; then echo a; elif true; then echo b; else echo c; fi')).toBe('b\n');
    expect(await h.run('if false; then echo a; fi; echo $?')).toBe('0\n');
    expect(await h.run('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done')).toBe('1\n3\n');
    expect(await h.run('for i in 1 2; do echo $i; done | wc -l')).toBe('2\n');
    expect(await h.run('break')).toBe("bash: break: only meaningful in a `for', `while', or `until' loop\n");
  });

  it('continues across lines and reports misplaced reserved words', async () => {
    const h = harness();
    await h.run('for i in 1 2; do');
    expect(h.session.prompt()).toBe('> ');
    expect(await h.run('echo $i', 'done')).toBe('1\n2\n');
    expect(await h.run('done')).toBe("bash: syntax error near unexpected token `done'\n");
    expect(await h.run('if then')).toBe("bash: syntax error near unexpected token `then'\n");
    expect(await h.run('while do')).toBe("bash: syntax error near unexpected token `do'\n");
    expect(await h.run('echo for done if')).toBe('for done if\n');
  });

  it('a loop that never waits is stopped, and a sleeping loop ends with Ctrl-C', async () => {
    const h = harness();
    expect(await h.run('while true; do :; done')).toBe('bash: loop stopped after 100000 rounds (kubelab limit)\n');
    const ctl = new AbortController();
    h.time.setBudget(5000, () => ctl.abort());
    let out = '';
    const r = await h.session.feed('while true; do echo tick; sleep 2; done', { stdout: (t) => { out += t; }, stderr: () => {} }, ctl.signal);
    expect(out).toBe('tick\ntick\ntick\n');
    expect(r.exitCode).toBe(130);
  });
});
