/**
 * The lesson linter's static half: every lesson file matches its JSON Schema, every step has
 * text in every language, hint triggers have texts, and regular expressions compile. The
 * dynamic half (solutions replayed, checks false before and true after) is in the lesson tests.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { LessonFiles } from '../load.js';
import { lessonIds } from '../load.js';
import type { Check, LessonSpec, LessonText } from '../types.js';

export interface LintProblem { lesson: string; message: string }

export async function lintLessons(files: LessonFiles, lessonsDir: string): Promise<LintProblem[]> {
  const ajv = new Ajv({ allErrors: true, validateFormats: false });
  const validateSpec = ajv.compile(JSON.parse(readFileSync(join(lessonsDir, 'schema.json'), 'utf8')));
  const validateText = ajv.compile(JSON.parse(readFileSync(join(lessonsDir, 'text.schema.json'), 'utf8')));
  const problems: LintProblem[] = [];
  for (const id of lessonIds(files)) {
    const say = (message: string): void => { problems.push({ lesson: id, message }); };
    const spec = parse(await files.read(`${id}/lesson.yaml`)) as LessonSpec;
    if (!validateSpec(spec)) { for (const e of validateSpec.errors ?? []) say(`lesson.yaml${e.instancePath}: ${e.message}`); continue; }
    if (spec.id !== id) say(`id "${spec.id}" differs from its folder "${id}"`);
    const ids = new Set<string>();
    for (const step of spec.steps) {
      if (ids.has(step.id)) say(`step id "${step.id}" is repeated`);
      ids.add(step.id);
      for (const re of regexes(step.check)) { try { new RegExp(re); } catch (e) { say(`step ${step.id}: bad regular expression ${re}: ${(e as Error).message}`); } }
    }
    for (const lang of spec.languages) {
      const path = `${id}/i18n/${lang}.yaml`;
      if (!files.list().includes(path)) { say(`missing ${path}`); continue; }
      const text = parse(await files.read(path)) as LessonText;
      if (!validateText(text)) { for (const e of validateText.errors ?? []) say(`i18n/${lang}.yaml${e.instancePath}: ${e.message}`); continue; }
      for (const step of spec.steps) {
        const t = text.steps[step.id];
        if (!t) { say(`i18n/${lang}.yaml has no text for step ${step.id}`); continue; }
        if ((step.hints?.length ?? 0) > (t.hints?.length ?? 0)) say(`i18n/${lang}.yaml: step ${step.id} has ${step.hints!.length} hint triggers but ${t.hints?.length ?? 0} hint texts`);
      }
      for (const sid of Object.keys(text.steps)) if (!ids.has(sid)) say(`i18n/${lang}.yaml has text for unknown step ${sid}`);
    }
  }
  return problems;
}

function regexes(c: Check): string[] {
  if ('all' in c) return c.all.flatMap(regexes);
  if ('any' in c) return c.any.flatMap(regexes);
  if ('not' in c) return regexes(c.not);
  if ('ran' in c) return [c.ran.command, c.ran.output, c.ran.count?.pattern].filter((x): x is string => !!x);
  if ('field' in c && c.field.matches) return [c.field.matches];
  return [];
}
