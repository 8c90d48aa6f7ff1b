/** Reads a golden file (reference/goldens format: header lines, `=== stdout ===`, `=== stderr ===`). */
import { readFileSync } from 'node:fs';

export interface Golden { command: string; exitStatus: number; captured: string; fixture: string; stdout: string; stderr: string }

export function readGolden(path: string): Golden {
  const text = readFileSync(path, 'utf8');
  const head = (key: string): string => new RegExp(`^# ${key}: (.*)$`, 'm').exec(text)?.[1] ?? '';
  const o = text.indexOf('=== stdout ===\n'), e = text.indexOf('=== stderr ===\n');
  return {
    command: head('command'),
    exitStatus: Number(head('exit status')),
    captured: head('captured').split(',')[0]!,
    fixture: /fixture (\S+?);/.exec(head('server'))?.[1] ?? '',
    stdout: text.slice(o + 15, e),
    stderr: text.slice(e + 15),
  };
}
