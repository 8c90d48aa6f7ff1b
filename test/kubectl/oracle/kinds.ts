/** The kinds the oracle suites cover (resource names as a learner types them). */
export const KINDS = ['pods', 'services', 'endpoints', 'endpointslices', 'deployments', 'replicasets', 'statefulsets',
  'jobs', 'nodes', 'namespaces', 'configmaps', 'secrets', 'serviceaccounts', 'events'];
