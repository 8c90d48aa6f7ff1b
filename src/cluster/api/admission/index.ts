/** Admission per resource ("group/plural"); kinds not listed get metadata checks only. */
import type { ResourceInfo } from '../types.js';
import { daemonSetAdmission, deploymentAdmission, replicaSetAdmission, statefulSetAdmission } from './apps.js';
import { configMapAdmission, endpointSliceAdmission, endpointsAdmission, eventAdmission, namespaceAdmission, secretAdmission } from './core-simple.js';
import { hpaAdmission, networkPolicyAdmission, nodeAdmission, pvcAdmission } from './other-kinds.js';
import { cronJobAdmission, jobAdmission } from './job.js';
import { ingressAdmission } from './networking.js';
import { podAdmission } from './pod.js';
import { serviceAdmission } from './service.js';
import type { Admission } from './types.js';

const ADMISSION: Record<string, Admission> = {
  '/pods': podAdmission,
  '/services': serviceAdmission,
  '/namespaces': namespaceAdmission,
  '/configmaps': configMapAdmission,
  '/secrets': secretAdmission,
  '/endpoints': endpointsAdmission,
  '/nodes': nodeAdmission,
  '/events': eventAdmission,
  'apps/deployments': deploymentAdmission,
  'apps/replicasets': replicaSetAdmission,
  'apps/statefulsets': statefulSetAdmission,
  'apps/daemonsets': daemonSetAdmission,
  'batch/jobs': jobAdmission,
  'batch/cronjobs': cronJobAdmission,
  'discovery.k8s.io/endpointslices': endpointSliceAdmission,
  'networking.k8s.io/ingresses': ingressAdmission,
  'networking.k8s.io/networkpolicies': networkPolicyAdmission,
  'autoscaling/horizontalpodautoscalers': hpaAdmission,
  '/persistentvolumeclaims': pvcAdmission,
};

export function admissionFor(info: ResourceInfo): Admission | undefined {
  return ADMISSION[`${info.group}/${info.plural}`];
}

export type { Admission, AdmissionContext } from './types.js';
