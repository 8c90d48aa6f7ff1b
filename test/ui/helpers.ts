/** A headless xterm and a tiny fake Session, so UI logic is tested against a real terminal. */
import { Terminal } from '@xterm/headless';
import type { Session, OutputSink, LineResult, Completion } from '../../src/shell/index.js';

export function headless(cols = 40, rows = 10): { term: Terminal; write(t: string): void; screen(): Promise<string[]> } {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  let chain = Promise.resolve();
  return {
    term,
    write(t: string) { chain = chain.then(() => new Promise<void>((r) => term.write(t, r))); },
    async screen() {
      await chain;
      const b = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)!.translateToString(true));
      while (lines.length && lines[lines.length - 1] === '') lines.pop();
      return lines;
    },
  };
}

/** The cursor as [row within the buffer, column]. */
export function cursorOf(term: Terminal): [number, number] {
  const b = term.buffer.active;
  return [b.baseY + b.cursorY, b.cursorX];
}

/**
 * echo ARGS → ARGS; fail → stderr + exit 2; wait → runs until aborted (exit 130);
 * `cat <<EOF` opens a heredoc closed by EOF; '\x04' → "exit".
 */
export class FakeSession implements Session {
  fed: string[] = [];
  private heredoc: string[] | null = null;
  completions: Record<string, Completion> = {};

  prompt(): string { return this.heredoc ? '> ' : '\x1b[32muser@k8s\x1b[0m:~$ '; }

  async feed(line: string, out: OutputSink, signal: AbortSignal): Promise<LineResult> {
    this.fed.push(line);
    if (line === '\x04' && this.heredoc) {
      this.heredoc = null;
      out.stderr('bash: syntax error: unexpected end of file\n');
      return { complete: true, input: '', exitCode: 2 };
    }
    if (this.heredoc) {
      if (line === 'EOF') {
        const body = this.heredoc;
        this.heredoc = null;
        out.stdout(body.slice(1).map((l) => l + '\n').join(''));
        return { complete: true, input: [...body, 'EOF'].join('\n'), exitCode: 0 };
      }
      this.heredoc.push(line);
      return { complete: false };
    }
    if (line === '\x04') { out.stdout('exit\n'); return { complete: true, input: line, exitCode: 0 }; }
    if (line.startsWith('cat <<EOF')) { this.heredoc = [line]; return { complete: false }; }
    if (line === 'clear') { out.stdout('\x1b[H\x1b[2J\x1b[3J'); return { complete: true, input: line, exitCode: 0 }; }
    if (line.startsWith('echo ')) { out.stdout(line.slice(5) + '\n'); return { complete: true, input: line, exitCode: 0 }; }
    if (line === 'fail') { out.stderr('\x1b[33mWarning:\x1b[0m bad\n'); return { complete: true, input: line, exitCode: 2 }; }
    if (line === 'wait') {
      await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
      return { complete: true, input: line, exitCode: 130 };
    }
    if (line.trim() === '') return { complete: true, input: line, exitCode: 0 };
    out.stderr(`${line.split(' ')[0]}: command not found\n`);
    return { complete: true, input: line, exitCode: 127 };
  }

  complete(line: string): Completion {
    return this.completions[line] ?? { replaceFrom: line.length, candidates: [] };
  }
}

export const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
