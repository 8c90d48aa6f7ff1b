/**
 * Reading objects for -f (cli-runtime resource builder: FileVisitor, StreamVisitor,
 * ExpandPathsToFileVisitors). Files are read in the order given; a directory contributes its
 * .json/.yaml/.yml files sorted by name (recursively with -R); `-` is stdin (source "STDIN").
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../cluster/api/types.js';
import type { KubectlContext } from '../../context.js';
import { KubectlError } from '../../errors.js';

export interface SourcedObject { obj: KubeObject; source: string }

const EXTENSIONS = ['.json', '.yaml', '.yml'];

export function loadManifests(ctx: KubectlContext, paths: string[], recursive: boolean): SourcedObject[] {
  const out: SourcedObject[] = [];
  for (const p of paths) {
    if (p === '-') { out.push(...parseText(ctx.stdin ?? '', 'STDIN')); continue; }
    if (/^https?:\/\//.test(p)) throw new KubectlError(`unable to read URL "${p}", server reported 404 Not Found, status code=404`);
    if (!ctx.files.exists(p)) throw new KubectlError(`the path "${p}" does not exist`);
    if (ctx.files.isDir(p)) { for (const f of walk(ctx, p, recursive)) out.push(...parseText(ctx.files.read(f), f)); continue; }
    out.push(...parseText(ctx.files.read(p), p));
  }
  return out;
}

function walk(ctx: KubectlContext, dir: string, recursive: boolean): string[] {
  const files: string[] = [];
  for (const name of ctx.files.list(dir)) {
    const full = `${dir.replace(/\/$/, '')}/${name}`;
    if (ctx.files.isDir(full)) { if (recursive) files.push(...walk(ctx, full, recursive)); continue; }
    if (EXTENSIONS.some((e) => name.endsWith(e))) files.push(full);
  }
  return files;
}

function parseText(text: string, source: string): SourcedObject[] {
  const out: SourcedObject[] = [];
  for (const doc of parseAllDocuments(text, { version: '1.1' })) {
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const line = e.linePos?.[0]?.line ?? 1;
      throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${e.code === 'TAB_AS_INDENT' ? 'found character that cannot start any token' : 'did not find expected key'}`);
    }
    const v = doc.toJS() as unknown;
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v)) throw new KubectlError(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    const obj = v as KubeObject;
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items as KubeObject[]) out.push({ obj: item, source });
      continue;
    }
    if (!obj.kind) throw new KubectlError(`error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
    if (!obj.apiVersion) throw new KubectlError(`error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`);
    out.push({ obj, source });
  }
  return out;
}
