/** Table printers by `group/resource`, and the Table a list of objects becomes. */
import type { KubeObject, ResourceInfo } from '../../cluster/api/types.js';
import { configMapTable, defaultTable, eventTable, leaseTable, namespaceTable, nodeTable, secretTable, serviceAccountTable } from './cluster.js';
import { endpointSliceTable, endpointsTable, serviceTable } from './network.js';
import { podTable } from './pod.js';
import type { Table, TablePrinter } from './types.js';
import { cronJobTable, daemonSetTable, deploymentTable, jobTable, replicaSetTable, replicationControllerTable, statefulSetTable } from './workloads.js';

export type { Table, TableColumn, TableRow, TablePrinter } from './types.js';

const printers: Record<string, TablePrinter> = {
  '/pods': podTable,
  '/services': serviceTable,
  '/endpoints': endpointsTable,
  'discovery.k8s.io/endpointslices': endpointSliceTable,
  'apps/deployments': deploymentTable,
  'apps/replicasets': replicaSetTable,
  'apps/statefulsets': statefulSetTable,
  'apps/daemonsets': daemonSetTable,
  '/replicationcontrollers': replicationControllerTable,
  'batch/jobs': jobTable,
  'batch/cronjobs': cronJobTable,
  '/nodes': nodeTable,
  '/namespaces': namespaceTable,
  '/events': eventTable,
  '/configmaps': configMapTable,
  '/secrets': secretTable,
  '/serviceaccounts': serviceAccountTable,
  'coordination.k8s.io/leases': leaseTable,
};

export function tablePrinterFor(info: Pick<ResourceInfo, 'group' | 'plural'>): TablePrinter {
  return printers[`${info.group}/${info.plural}`] ?? defaultTable;
}

/** The Table the API server would answer for these objects. */
export function buildTable(info: Pick<ResourceInfo, 'group' | 'plural'>, objects: readonly KubeObject[], now: number): Table {
  const p = tablePrinterFor(info);
  return { columns: p.columns, rows: objects.map((object) => ({ cells: p.row(object, now), object })) };
}
