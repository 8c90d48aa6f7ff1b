/** `kubectl api-resources` and `kubectl api-versions` (kubectl pkg/cmd/apiresources). */
import type { ResourceInfo } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import { formatTable } from '../printers/tabwriter.js';
import type { VerbSpec } from '../registry.js';
import { groupVersion } from '../resources.js';

function sortResources(list: ResourceInfo[], sortBy: string): ResourceInfo[] {
  const field = (r: ResourceInfo): string => (sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group);
  return [...list].sort((a, b) => {
    const c = field(a) < field(b) ? -1 : field(a) > field(b) ? 1 : 0;
    return c !== 0 ? c : a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0;
  });
}

export const apiResourcesVerb: VerbSpec = {
  name: 'api-resources',
  group: 'other',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', default: '' },
    { name: 'cached', type: 'bool', default: false },
    { name: 'categories', type: 'stringSlice', default: [] },
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'no-headers', type: 'bool', default: false },
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'sort-by', type: 'string', default: '' },
    { name: 'verbs', type: 'stringSlice', default: [] },
  ],
  async run(inv) {
    const output = inv.flags.string('output');
    if (!['', 'wide', 'name'].includes(output)) throw new KubectlError(`--output ${output} is not available`);
    const sortBy = inv.flags.string('sort-by');
    if (!['', 'name', 'kind'].includes(sortBy)) throw new KubectlError(`--sort-by accepts only name or kind`);
    if (inv.args.length) throw new KubectlError(`unexpected arguments: [${inv.args.join(' ')}]`);
    const verbs = inv.flags.strings('verbs'), cats = inv.flags.strings('categories');
    let list = inv.ctx.api.discovery().filter((r) =>
      (!inv.flags.has('api-group') || r.group === inv.flags.string('api-group'))
      && (!inv.flags.has('namespaced') || r.namespaced === inv.flags.bool('namespaced'))
      && verbs.every((v) => r.verbs.includes(v))
      && cats.every((c) => r.categories.includes(c)));
    list = sortResources(list, sortBy);
    if (output === 'name') {
      inv.ctx.stdout(list.map((r) => `${r.plural}${r.group ? `.${r.group}` : ''}\n`).join(''));
      return;
    }
    const wide = output === 'wide';
    const rows: string[][] = inv.flags.bool('no-headers') ? []
      : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]];
    for (const r of list) {
      rows.push([r.plural, r.shortNames.join(','), groupVersion(r), String(r.namespaced), r.kind,
        ...(wide ? [[...r.verbs].sort().join(','), r.categories.join(',')] : [])]);
    }
    inv.ctx.stdout(formatTable(rows));
  },
};

export const apiVersionsVerb: VerbSpec = {
  name: 'api-versions',
  group: 'other',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: 'kubectl api-versions',
  flags: [],
  async run(inv) {
    const versions = new Set(inv.ctx.api.discovery().map(groupVersion));
    inv.ctx.stdout([...versions].sort().map((v) => `${v}\n`).join(''));
  },
};
