/**
 * kubectl patch (pkg/cmd/patch/patch.go): the patch text is YAML or JSON, sent as the chosen
 * type; `patched` when the server's object differs from the one fetched, else `patched (no change)`.
 * kubectl's patch printer adds no dry-run suffix.
 */
import { KubectlError } from '../errors.js';
import type { VerbSpec } from '../registry.js';
import { parseYamlStream } from '../yaml-errors.js';
import { dryRunFlag, dryRunOf, filenameFlags, outputFlags, printOp, refOf, throwCollected } from './internal/kit.js';
import { resolveTargets } from './internal/targets.js';
import { deepEqual } from './internal/three-way.js';

const TYPES = { json: 'json', merge: 'merge', strategic: 'strategic' } as const;

export const patchVerb: VerbSpec = {
  name: 'patch', group: 'advanced', short: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  flags: [
    ...filenameFlags, dryRunFlag, ...outputFlags,
    { name: 'patch', short: 'p', type: 'string', default: '' },
    { name: 'patch-file', type: 'string', default: '' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'local', type: 'bool', default: false },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
  ],
  async run(inv) {
    const f = inv.flags;
    const text = f.string('patch'), file = f.string('patch-file');
    if (text && file) throw new KubectlError('cannot specify --patch and --patch-file together');
    if (!text && !file) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
    const dryRun = dryRunOf(inv);
    if (f.bool('local') && inv.args.length > 0) throw new KubectlError('cannot specify --local and server resources');
    const typeName = f.string('type').toLowerCase();
    if (!(typeName in TYPES)) throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(f.string('type'))}`);
    const type = TYPES[typeName as keyof typeof TYPES];
    let source = text;
    if (file) {
      if (!inv.ctx.files.exists(file)) throw new KubectlError(`unable to read patch file: open ${file}: no such file or directory`);
      source = inv.ctx.files.read(file);
    }
    let patch: unknown;
    try { patch = parseYamlStream(source)[0] ?? null; } catch (e) {
      const why = (e instanceof Error ? e.message : String(e)).replace(/^error converting YAML to JSON: /, '').replace(/^yaml: line \d+: /, 'yaml: ');
      throw new KubectlError(`unable to parse ${JSON.stringify(text)}: ${why}`);
    }
    const sub = f.string('subresource');
    const { targets, errors } = resolveTargets(inv, inv.args, { requireObject: true });
    let count = 0;
    for (const t of targets) {
      count++;
      try {
        const result = inv.ctx.api.patch(refOf(t.info), t.namespace, t.name, type, patch, {
          dryRun: dryRun !== 'none', fieldManager: f.string('field-manager'),
          ...(sub === 'status' || sub === 'scale' ? { subresource: sub } : {}),
        });
        printOp(inv, result, t.info, deepEqual(t.object, result) ? 'patched (no change)' : 'patched', 'none');
      } catch (err) { errors.push(err); }
    }
    throwCollected(errors);
    if (count === 0) throw new KubectlError('no objects passed to patch');
  },
};
