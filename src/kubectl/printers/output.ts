/**
 * `-o/--output` printers for objects (cli-runtime pkg/genericclioptions/print_flags.go and
 * pkg/printers): yaml, json, name, jsonpath[-file|-as-json], custom-columns[-file], go-template
 * (a small subset). Table output (default, wide) is the get verb's; here it is only recognised.
 */
import type { KubeObject } from '../../cluster/api/types.js';
import type { KubectlFiles } from '../context.js';
import { KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import { customColumnsPrinter, parseCustomColumns } from './custom-columns.js';
import { executeGoTemplate } from './go-template.js';
import { executeJsonPath, goSharpV, JsonPathError, jsonPathValues, parseJsonPath } from './jsonpath.js';
import { toJson, toYaml } from './yaml-json.js';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' } | { kind: 'json' } | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string }
  | { kind: 'go-template'; template: string };

export const outputFlag = (usage = 'Output format: json, yaml, name, wide, jsonpath=..., custom-columns=..., go-template=...'): FlagSpec => ({ name: 'output', short: 'o', type: 'string', default: '', usage });
export const showManagedFieldsFlag: FlagSpec = { name: 'show-managed-fields', type: 'bool', default: false, usage: 'Keep metadata.managedFields in JSON and YAML output.' };
export const templateFlag: FlagSpec = { name: 'template', type: 'string', default: '', usage: 'Template for -o go-template or jsonpath.' };
export const allowMissingTemplateKeysFlag: FlagSpec = { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'Print nothing instead of failing when a template names a missing field.' };
/** The printing flags every verb with `-o` has. */
export const printFlags: FlagSpec[] = [outputFlag(), showManagedFieldsFlag, templateFlag, allowMissingTemplateKeysFlag];

const getFormats = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const objFormats = 'go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, yaml';

/**
 * Parse `-o`. `tables` says whether the verb has human tables (get); others reject wide and
 * custom-columns as kubectl does. `template` is the --template flag value.
 */
export function parseOutput(value: string, files: KubectlFiles, opts: { tables: boolean; template?: string } = { tables: false }): OutputFormat | undefined {
  const eq = value.indexOf('=');
  const name = eq >= 0 ? value.slice(0, eq) : value;
  const arg = eq >= 0 ? value.slice(eq + 1) : opts.template ?? '';
  const readFile = (p: string): string => {
    if (!files.exists(p)) throw new KubectlError(`error reading template ${p}, open ${p}: no such file or directory`);
    return files.read(p);
  };
  switch (name) {
    case '': return opts.tables ? { kind: 'table', wide: false } : undefined;
    case 'wide': if (opts.tables) return { kind: 'table', wide: true }; break;
    case 'yaml': return { kind: 'yaml' };
    case 'json': return { kind: 'json' };
    case 'name': return { kind: 'name' };
    case 'jsonpath': case 'jsonpath-as-json': case 'jsonpath-file': {
      const template = name === 'jsonpath-file' ? readFile(arg) : arg;
      if (template === '') throw new KubectlError('template format specified but no template given');
      try { parseJsonPath(template); } catch (e) {
        throw new KubectlError(`error parsing jsonpath ${template}, ${e instanceof Error ? e.message : String(e)}`);
      }
      return { kind: 'jsonpath', template, asJson: name === 'jsonpath-as-json' };
    }
    case 'go-template': case 'template': case 'go-template-file': case 'templatefile': {
      const template = name.endsWith('file') ? readFile(arg) : arg;
      if (template === '') throw new KubectlError('template format specified but no template given');
      return { kind: 'go-template', template };
    }
    case 'custom-columns': case 'custom-columns-file': {
      if (!opts.tables) break;
      const spec = name === 'custom-columns-file' ? readFile(arg) : arg;
      if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given');
      parseCustomColumns(spec, name === 'custom-columns-file');
      return { kind: 'custom-columns', spec: name === 'custom-columns-file' ? `file:${spec}` : spec };
    }
  }
  throw new KubectlError(opts.tables
    ? `unable to match a printer suitable for the output format "${value}", allowed formats are: ${getFormats}`
    : `unable to match a printer suitable for the output format "${value}", allowed formats are: ${objFormats}`);
}

/** Drop metadata.managedFields unless --show-managed-fields (kubectl does this before printing). */
export function stripManagedFields(obj: KubeObject, show: boolean): KubeObject {
  if (show || !obj.metadata?.managedFields) return obj;
  const { managedFields: _drop, ...metadata } = obj.metadata;
  void _drop;
  return { ...obj, metadata };
}

/** kubectl's List wrapper for several objects. */
export function asList(items: KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** Render one object (or a List) in a non-table format. `namePrefix` is `pod`, `deployment.apps`... */
/** meta.IsListType: a List or any typed xxxList (kubectl events prints an EventList). */
function itemsOf(obj: KubeObject): KubeObject[] {
  return (obj.kind ?? '').endsWith('List') && Array.isArray(obj.items) ? obj.items as KubeObject[] : [obj];
}

/** `typed`: obj stands for a typed Go struct, its keys already in struct order (json prints them so). */
export function renderObject(format: OutputFormat, obj: KubeObject, namePrefix: (o: KubeObject) => string, typed = false): string {
  switch (format.kind) {
    case 'yaml': return toYaml(obj);
    case 'json': return toJson(obj, typed);
    case 'name': {
      const items = itemsOf(obj);
      return items.map((o) => `${namePrefix(o)}/${o.metadata?.name ?? ''}\n`).join('');
    }
    case 'jsonpath': {
      try {
        if (format.asJson) return toJson(jsonPathValues(format.template, obj));
        return executeJsonPath(format.template, obj);
      } catch (e) {
        if (e instanceof JsonPathError) {
          throw new KubectlError(`error executing jsonpath "${format.template}": Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${format.template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n\n`);
        }
        throw e;
      }
    }
    case 'go-template': return executeGoTemplate(format.template, obj);
    case 'custom-columns': {
      const items = itemsOf(obj);
      return customColumnsPrinter(format.spec, items, false);
    }
    case 'table': throw new KubectlError('table output needs the get printer');
  }
}
