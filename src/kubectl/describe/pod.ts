/** kubectl describe pod (describe.go PodDescriber, describePod). */
import type { Container, Event, Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../cluster/api/types.js';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';
import { describeEvents, searchEvents } from './events.js';
import { controllerOf, formatRFC1123Z, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, timestampSince } from './format.js';
import { describeContainers, describeResources, describeTopologySpreadConstraints, describeVolumes, envResolver } from './containers.js';
import { addQuantity, cmpQuantity, parseList, ZERO, type Quantity } from './quantity.js';

const PODS = { group: '', resource: 'pods' };
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export const describePodResource: Describer = (deps, namespace, name, settings) => {
  let pod: Pod;
  try {
    pod = deps.api.get(PODS, namespace, name) as unknown as Pod;
  } catch (err) {
    // A deleted pod may still have events: kubectl shows them with the error.
    if (settings.showEvents && err instanceof ApiError) {
      const events = searchEvents(deps.api, { name, namespace });
      if (events.length > 0) {
        return tabbedString((w) => {
          w.write(LEVEL_0, `Pod '${name}': error '${err.message}', but found events.\n`);
          describeEvents(events, w, deps.now);
        });
      }
    }
    throw err;
  }
  let events: Event[] | null = null;
  if (settings.showEvents) {
    const mirror = pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION];
    events = searchEvents(deps.api, { name: pod.metadata?.name ?? '', namespace: pod.metadata?.namespace ?? '', uid: mirror ?? pod.metadata?.uid });
  }
  return describePod(pod, events, deps.now);
};

export function describePod(pod: Pod, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = pod.spec ?? { containers: [] };
    const status = pod.status ?? {};
    const meta = pod.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const sp = spec.securityContext?.seccompProfile;
    if (sp) {
      w.write(LEVEL_0, `SeccompProfile:\t${sp.type}\n`);
      if (sp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${sp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    if (!status.podIPs || status.podIPs.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
    else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip ?? ''}\n`);
    }
    const controlledBy = controllerOf(meta);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podResources = (spec as { resources?: Container['resources'] }).resources;
    if (podResources) { w.write(LEVEL_0, 'Resources:\n'); describeResources(podResources, w, LEVEL_1); }
    const resolver = envResolver(pod);
    if (spec.initContainers && spec.initContainers.length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolver, w, '');
    describeContainers('Containers', spec.containers ?? [], status.containerStatuses, resolver, w, '');
    if (spec.ephemeralContainers && spec.ephemeralContainers.length > 0) {
      describeContainers('Ephemeral Containers', spec.ephemeralContainers as Container[], status.ephemeralContainerStatuses, resolver, w, '');
    }
    if (spec.readinessGates && spec.readinessGates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass || computePodQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    describeEvents(events, w, now);
  });
}

/** kubectl pkg/util/qos ComputePodQOS: only cpu and memory count. */
export function computePodQOS(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests = new Map<string, Quantity>(), limits = new Map<string, Quantity>();
  let guaranteed = true;
  const process = (into: Map<string, Quantity>, list: Record<string, string | number> | undefined): void => {
    for (const [name, q] of parseList(list)) {
      if (name !== 'cpu' && name !== 'memory') continue;
      if (cmpQuantity(q, ZERO) > 0) into.set(name, into.has(name) ? addQuantity(q, into.get(name)!) : q);
    }
  };
  const limitsCover = (list: Record<string, string | number> | undefined): boolean => {
    const have = new Set<string>();
    for (const [name, q] of parseList(list)) if ((name === 'cpu' || name === 'memory') && cmpQuantity(q, ZERO) > 0) have.add(name);
    return have.has('cpu') && have.has('memory');
  };
  const podRes = (pod.spec as { resources?: Container['resources'] } | undefined)?.resources;
  if (podRes) {
    if (podRes.requests) process(requests, podRes.requests);
    if (podRes.limits) { process(limits, podRes.limits); if (!limitsCover(podRes.limits)) guaranteed = false; }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      process(requests, c.resources?.requests);
      process(limits, c.resources?.limits);
      if (!limitsCover(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || cmpQuantity(lim, req) !== 0) { guaranteed = false; break; }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
