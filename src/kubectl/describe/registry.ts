/** Which describer serves which kind (describe.go describerMap), with the generic fallback. */
import type { ResourceInfo } from '../../cluster/api/types.js';
import type { Describer } from './describer.js';
import { describePodResource } from './pod.js';
import { describeServiceResource } from './service.js';
import { describeEndpointsResource } from './endpoints.js';
import { describeEndpointSliceResource } from './endpointslice.js';
import { describeDeploymentResource } from './deployment.js';
import { describeReplicaSetResource } from './replicaset.js';
import { describeStatefulSetResource } from './statefulset.js';
import { describeDaemonSetResource } from './daemonset.js';
import { describeJobResource } from './job.js';
import { describeNodeResource } from './node.js';
import { describeNamespaceResource } from './namespace.js';
import { describeConfigMapResource } from './configmap.js';
import { describeSecretResource } from './secret.js';
import { describeServiceAccountResource } from './serviceaccount.js';
import { genericDescriber } from './generic.js';
import { describeCronJobResource } from './cronjob.js';
import { describeHorizontalPodAutoscalerResource } from './hpa.js';
import { describePersistentVolumeResource } from './pv.js';
import { describeClusterRoleResource, describeRoleResource } from './rbac.js';
import { describeClusterRoleBindingResource, describePriorityClassResource, describeRoleBindingResource, describeStorageClassResource } from './cluster-config.js';
import { describeNetworkPolicyResource } from './networkpolicy.js';
import { describePodDisruptionBudgetResource } from './pdb.js';
import { describePersistentVolumeClaimResource } from './pvc.js';
import { describeReplicationControllerResource } from './replicationcontroller.js';
import { describeIngressClassResource, describeIngressResource } from './ingress.js';
import { describeLimitRangeResource, describeResourceQuotaResource } from './quota.js';

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePodResource,
  '/Service': describeServiceResource,
  '/Endpoints': describeEndpointsResource,
  'discovery.k8s.io/EndpointSlice': describeEndpointSliceResource,
  'apps/Deployment': describeDeploymentResource,
  'apps/ReplicaSet': describeReplicaSetResource,
  'apps/StatefulSet': describeStatefulSetResource,
  'apps/DaemonSet': describeDaemonSetResource,
  'batch/Job': describeJobResource,
  'batch/CronJob': describeCronJobResource,
  '/ReplicationController': describeReplicationControllerResource,
  '/PersistentVolumeClaim': describePersistentVolumeClaimResource,
  '/PersistentVolume': describePersistentVolumeResource,
  'scheduling.k8s.io/PriorityClass': describePriorityClassResource,
  'storage.k8s.io/StorageClass': describeStorageClassResource,
  'rbac.authorization.k8s.io/Role': describeRoleResource,
  'rbac.authorization.k8s.io/ClusterRole': describeClusterRoleResource,
  'rbac.authorization.k8s.io/RoleBinding': describeRoleBindingResource,
  'rbac.authorization.k8s.io/ClusterRoleBinding': describeClusterRoleBindingResource,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscalerResource,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicyResource,
  'policy/PodDisruptionBudget': describePodDisruptionBudgetResource,
  'networking.k8s.io/Ingress': describeIngressResource,
  'networking.k8s.io/IngressClass': describeIngressClassResource,
  '/Node': describeNodeResource,
  '/Namespace': describeNamespaceResource,
  '/ConfigMap': describeConfigMapResource,
  '/Secret': describeSecretResource,
  '/ServiceAccount': describeServiceAccountResource,
  '/ResourceQuota': describeResourceQuotaResource,
  '/LimitRange': describeLimitRangeResource,
};

/** DescriberFor, else GenericDescriberFor. */
export function describerFor(info: Pick<ResourceInfo, 'group' | 'kind' | 'plural'>): Describer {
  return DESCRIBERS[`${info.group}/${info.kind}`] ?? genericDescriber({ group: info.group, resource: info.plural }, info.kind);
}
