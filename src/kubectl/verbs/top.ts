/** `kubectl top` (kubectl pkg/cmd/top): no metrics-server runs in kubelab, so the Metrics API is absent. */
import { KubectlError } from '../errors.js';
import type { VerbSpec } from '../registry.js';

const metricsUnavailable = async (): Promise<never> => { throw new KubectlError('Metrics API not available'); };
const common = [
  { name: 'selector', short: 'l', type: 'string' as const, default: '' },
  { name: 'no-headers', type: 'bool' as const, default: false },
  { name: 'sort-by', type: 'string' as const, default: '' },
  { name: 'show-capacity', type: 'bool' as const, default: false },
];

export const topVerb: VerbSpec = {
  name: 'top',
  group: 'cluster',
  short: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top [flags] [options]',
  flags: [],
  subcommands: [
    { name: 'node', aliases: ['nodes', 'no'], group: 'other', short: 'Display resource (CPU/memory) usage of nodes', flags: common, run: metricsUnavailable },
    { name: 'pod', aliases: ['pods', 'po'], group: 'other', short: 'Display resource (CPU/memory) usage of pods',
      flags: [...common, { name: 'all-namespaces', short: 'A', type: 'bool', default: false }, { name: 'containers', type: 'bool', default: false },
        { name: 'field-selector', type: 'string', default: '' }, { name: 'sum', type: 'bool', default: false }], run: metricsUnavailable },
  ],
};
