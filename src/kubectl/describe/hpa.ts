/** kubectl describe horizontalpodautoscaler (describe.go describeHorizontalPodAutoscalerV2). */
import type { Event } from 'kubernetes-types/core/v1';
import type { HorizontalPodAutoscaler, HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatRFC1123Z, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { canonicalQuantity } from './quantity.js';

const HPAS = { group: 'autoscaling', resource: 'horizontalpodautoscalers' };

export const describeHorizontalPodAutoscalerResource: Describer = (deps, namespace, name, settings) => {
  const hpa = deps.api.get(HPAS, namespace, name) as unknown as HorizontalPodAutoscaler;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(hpa, 'HorizontalPodAutoscaler')) : null;
  return describeHorizontalPodAutoscaler(hpa, events, deps.now);
};

/** (*resource.Quantity).String(), "<nil>" for a nil pointer. */
const qs = (v: string | number | undefined | null): string => (v === undefined || v === null ? '<nil>' : canonicalQuantity(v));
const quote = (s: string | undefined): string => JSON.stringify(s ?? '');

function printDirection(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies && rules.policies.length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

export function describeHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = hpa.spec, status = hpa.status;
    const cur = status?.currentMetrics ?? [];
    w.write(LEVEL_0, `Name:\t${hpa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(hpa.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec?.scaleTargetRef?.kind ?? ''}/${spec?.scaleTargetRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec?.metrics ?? []).forEach((m, i) => {
      const c = cur[i];
      switch (m.type) {
        case 'External': {
          const e = m.external!;
          if (e.target.averageValue !== undefined && e.target.averageValue !== null) {
            const current = c?.external?.current.averageValue !== undefined ? qs(c.external.current.averageValue) : '<unknown>';
            w.write(LEVEL_1, `${quote(e.metric.name)} (target average value):\t${current} / ${qs(e.target.averageValue)}\n`);
          } else {
            const current = c?.external ? qs(c.external.current.value) : '<unknown>';
            w.write(LEVEL_1, `${quote(e.metric.name)} (target value):\t${current} / ${qs(e.target.value)}\n`);
          }
          break;
        }
        case 'Pods': {
          const current = c?.pods ? qs(c.pods.current.averageValue) : '<unknown>';
          w.write(LEVEL_1, `${quote(m.pods!.metric.name)} on pods:\t${current} / ${qs(m.pods!.target.averageValue)}\n`);
          break;
        }
        case 'Object': {
          const o = m.object!;
          w.write(LEVEL_1, `"${o.metric.name}" on ${o.describedObject.kind}/${o.describedObject.name} `);
          if (o.target.type === 'AverageValue') {
            const current = c?.object ? qs(c.object.current.averageValue) : '<unknown>';
            w.write(LEVEL_0, `(target average value):\t${current} / ${qs(o.target.averageValue)}\n`);
          } else {
            const current = c?.object ? qs(c.object.current.value) : '<unknown>';
            w.write(LEVEL_0, `(target value):\t${current} / ${qs(o.target.value)}\n`);
          }
          break;
        }
        case 'Resource':
        case 'ContainerResource': {
          const r = m.type === 'Resource' ? m.resource! : m.containerResource!;
          const cr = m.type === 'Resource' ? c?.resource : c?.containerResource;
          const head = m.type === 'Resource' ? `resource ${r.name} on pods` : `resource ${r.name} of container "${m.containerResource!.container}" on pods`;
          w.write(LEVEL_1, head);
          if (r.target.averageValue !== undefined && r.target.averageValue !== null) {
            const current = cr ? qs(cr.current.averageValue) : '<unknown>';
            w.write(LEVEL_0, `:\t${current} / ${qs(r.target.averageValue)}\n`);
          } else {
            const current = cr && cr.current.averageUtilization !== undefined && cr.current.averageUtilization !== null
              ? `${cr.current.averageUtilization}% (${qs(cr.current.averageValue)})` : '<unknown>';
            const target = r.target.averageUtilization !== undefined && r.target.averageUtilization !== null ? `${r.target.averageUtilization}%` : '<auto>';
            w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${target}\n`);
          }
          break;
        }
        default:
          w.write(LEVEL_1, `<unknown metric type ${quote(m.type)}>\n`);
      }
    });
    w.write(LEVEL_0, `Min replicas:\t${spec?.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
    if (spec?.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirection(w, 'Scale Up', spec.behavior.scaleUp);
      printDirection(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec?.scaleTargetRef?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${status?.currentReplicas ?? 0} current / ${status?.desiredReplicas ?? 0} desired\n`);
    const conds = status?.conditions ?? [];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const cd of conds) w.write(LEVEL_1, `${cd.type}\t${cd.status}\t${cd.reason ?? ''}\t${cd.message ?? ''}\n`);
    }
    describeEvents(events, w, now);
  });
}
