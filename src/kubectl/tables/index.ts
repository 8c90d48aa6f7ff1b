/** Table printers by `group/resource`, and the Table a list of objects becomes. */
import type { KubeObject, ResourceInfo } from '../../cluster/api/types.js';
import { configMapTable, defaultTable, eventTable, leaseTable, namespaceTable, nodeTable, secretTable, serviceAccountTable } from './cluster.js';
import { endpointSliceTable, endpointsTable, serviceTable } from './network.js';
import { podTable } from './pod.js';
import * as more from './more.js';
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
  '/persistentvolumes': more.persistentVolumeTable,
  '/persistentvolumeclaims': more.persistentVolumeClaimTable,
  '/podtemplates': more.podTemplateTable,
  '/resourcequotas': more.resourceQuotaTable,
  '/componentstatuses': more.componentStatusTable,
  'storage.k8s.io/storageclasses': more.storageClassTable,
  'storage.k8s.io/csidrivers': more.csiDriverTable,
  'storage.k8s.io/csinodes': more.csiNodeTable,
  'storage.k8s.io/volumeattachments': more.volumeAttachmentTable,
  'networking.k8s.io/ingresses': more.ingressTable,
  'networking.k8s.io/ingressclasses': more.ingressClassTable,
  'networking.k8s.io/networkpolicies': more.networkPolicyTable,
  'networking.k8s.io/servicecidrs': more.serviceCIDRTable,
  'networking.k8s.io/ipaddresses': more.ipAddressTable,
  'rbac.authorization.k8s.io/rolebindings': more.roleBindingTable,
  'rbac.authorization.k8s.io/clusterrolebindings': more.roleBindingTable,
  'autoscaling/horizontalpodautoscalers': more.hpaTable,
  'policy/poddisruptionbudgets': more.podDisruptionBudgetTable,
  'apps/controllerrevisions': more.controllerRevisionTable,
  'scheduling.k8s.io/priorityclasses': more.priorityClassTable,
  'node.k8s.io/runtimeclasses': more.runtimeClassTable,
  'certificates.k8s.io/certificatesigningrequests': more.csrTable,
  'admissionregistration.k8s.io/mutatingwebhookconfigurations': more.webhookConfigTable,
  'admissionregistration.k8s.io/validatingwebhookconfigurations': more.webhookConfigTable,
  'flowcontrol.apiserver.k8s.io/flowschemas': more.flowSchemaTable,
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations': more.priorityLevelTable,
  'apiregistration.k8s.io/apiservices': more.apiServiceTable,
  'events.k8s.io/events': eventTable,
};

export function tablePrinterFor(info: Pick<ResourceInfo, 'group' | 'plural'>): TablePrinter {
  return printers[`${info.group}/${info.plural}`] ?? defaultTable;
}

/** The Table the API server would answer for these objects. */
export function buildTable(info: Pick<ResourceInfo, 'group' | 'plural'>, objects: readonly KubeObject[], now: number): Table {
  const p = tablePrinterFor(info);
  return { columns: p.columns, rows: objects.map((object) => ({ cells: p.row(object, now), object })) };
}
