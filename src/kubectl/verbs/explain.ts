/** `kubectl explain TYPE[.FIELD...]` (kubectl pkg/cmd/explain, explain/v2 plaintext output). */
import { KubectlError } from '../errors.js';
import { FieldNotFound, renderExplain } from '../explain/render.js';
import type { ExplainSchema } from '../explain/schema.js';
import { loadSharedExplainSchema } from '../explain/shared-schema.js';
import type { VerbSpec } from '../registry.js';
import { resolveResource } from '../resources.js';

let schema: ExplainSchema | undefined;

/** Use another schema source (e.g. an OpenAPI document via openApiExplainSchema). */
export function setExplainSchema(s: ExplainSchema | undefined): void { schema = s; }

/** The schema set above, else the one the YAML editor uses (loaded on first explain). */
async function loadSchema(): Promise<ExplainSchema> {
  return schema ?? loadSharedExplainSchema();
}

export const explainVerb: VerbSpec = {
  name: 'explain',
  group: 'basic-intermediate',
  short: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  flags: [
    { name: 'api-version', type: 'string', default: '' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
    { name: 'recursive', type: 'bool', default: false },
  ],
  async run(inv) {
    if (inv.args.length === 0) {
      throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    if (inv.args.length > 1) throw new KubectlError(`We accept only this format: explain RESOURCE`);
    const output = inv.flags.string('output');
    if (output !== 'plaintext' && output !== 'plaintext-openapiv2') throw new KubectlError(`unsupported output format: ${output}; supported formats: plaintext, plaintext-openapiv2`);
    const [type, ...path] = inv.args[0]!.split('.');
    const info = resolveResource(inv.ctx.api.discovery(), type!, true);
    const s = await loadSchema();
    const typeId = s.rootType(info.group, info.kind);
    if (!typeId) throw new KubectlError(`GVR (${info.group}/${info.version}, Resource=${info.plural}) not found in OpenAPI schema`);
    const root = { group: info.group, version: info.version, kind: info.kind, typeId };
    try {
      const { header, body } = renderExplain(s, root, path.filter((p) => p !== ''), inv.flags.bool('recursive'));
      inv.ctx.stdout(header + body);
    } catch (e) {
      if (!(e instanceof FieldNotFound)) throw e;
      inv.ctx.stdout(renderExplain(s, root, [], false).header);
      throw new KubectlError(`field "${e.message}" does not exist`);
    }
  },
};
