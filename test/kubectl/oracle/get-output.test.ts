/**
 * Real oracle: `kubectl get -o yaml|json|name|jsonpath|custom-columns` and `kubectl events` are
 * rendered entirely by kubectl from the objects, so real kubectl 1.33 on fakeapi is the truth.
 * Objects come from the real simulator running the article (both profiles).
 */
import { oracleSuite } from '../../oracle/suite.js';
import { snapshot } from '../../oracle/snapshot.js';
import { runArticle } from '../describe/simulator-objects.js';
import { KINDS } from './kinds.js';

const JP_NAMES = '-o=jsonpath={range .items[*]}{.metadata.namespace}{"/"}{.metadata.name}{"\\n"}{end}';
const ARGS: string[][] = [
  ...KINDS.flatMap((t) => [['get', t, '-A', '-o', 'yaml'], ['get', t, '-A', '-o', 'json'], ['get', t, '-A', '-o', 'name'], ['get', t, '-A', JP_NAMES]]),
  ['get', 'pod', 'nginx-pod', '-o', 'yaml'], ['get', 'svc', 'nginx-svc', '-o', 'json'], ['get', 'ep', 'external-svc', '-o', 'yaml'],
  ['get', 'secret', 'token', '-o', 'yaml'], ['get', 'sts', 'web', '-o', 'yaml'], ['get', 'job', 'pi', '-o', 'json'], ['get', 'ns', 'default', '-o', 'yaml'],
  ['get', 'sa', 'default', '-o', 'json'], ['get', 'svc', 'nginx-headless', '-o', 'yaml'], ['get', 'svc', 'nginx-np', 'nginx-lb', 'rtfm-service', '-o', 'json'],
  ['get', 'endpointslices', '-l', 'kubernetes.io/service-name=nginx-svc', '-o', 'yaml'], ['get', 'events', '--field-selector', 'type=Warning', '-o', 'yaml'],
  ['get', 'svc', '-o', 'jsonpath={.items[*].spec.ports[*].nodePort}'], ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.ownerReferences[0].kind}'], ['get', 'cm', 'site', '-o', 'json'], ['get', 'deploy', 'nginx-deploy', '-o', 'yaml'],
  ['get', 'svc', 'nginx-lb', '-o', 'jsonpath={.spec.ports[0].nodePort}'], ['get', 'svc', 'rtfm-service', '-o', 'jsonpath={.spec.externalName}'],
  ['get', 'pods', '-o', 'jsonpath={.items[*].status.podIP}'], ['get', 'nodes', '-o', 'jsonpath={.items[*].status.addresses[?(@.type=="InternalIP")].address}'],
  ['get', 'pod', 'broken', '-o', 'jsonpath={.spec.nothing}{.metadata.name}'], ['get', 'svc', 'nginx-svc', '-o', 'jsonpath={.spec.ports}'],
  ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName,PHASE:.status.phase'],
  ['get', 'svc', '-A', '-o', 'custom-columns=NS:.metadata.namespace,NAME:.metadata.name,TYPE:.spec.type,PORTS:.spec.ports[*].port'],
  ['get', 'ep', '-o', 'custom-columns=NAME:.metadata.name,IPS:.subsets[*].addresses[*].ip'],
  ['get', 'deploy,rs,sts,job', '-o', 'custom-columns=KIND:.kind,NAME:.metadata.name,READY:.status.readyReplicas'],
  ['get', 'nodes', '-o', 'custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR,KUBELET:.status.nodeInfo.kubeletVersion'],
  ['get', 'deploy', 'nginx-deploy', '-o', 'jsonpath=[{.spec.template.metadata.creationTimestamp}]'],
  ['get', 'deploy', '-o', 'jsonpath-as-json={.items[*].spec.template.metadata}'], ['get', 'pods', '-o', 'go-template={{range .items}}{{.metadata.name}} {{.status.phase}}{{"\\n"}}{{end}}'],
  // A real newline inside a quoted string (a learner pressing Enter inside quotes): a parse error.
  ['get', 'pods', '-o', 'go-template={{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'], ['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}{"\n"}'],
  ['get', 'svc,ep', '-o', 'name'], ['get', 'all', '-o', 'name'], ['get', 'pods', '-l', 'app=nginx', '-o', 'name'],
  ['get', 'pods', '--field-selector', 'status.phase=Running', '-o', 'name'],
  ['events'], ['events', '-A'], ['events', '--for', 'pod/broken'], ['events', '--types', 'Warning', '-A'], ['events', '-o', 'yaml'],
  ['events', '-A', '-o', 'json'], ['events', '--for', 'pod/broken', '-o', 'yaml'],
  ['events', '-o', 'jsonpath={.kind}{range .items[*]}{.reason}{","}{.eventTime}{"\\n"}{end}'],
  ['events', '-o', 'custom-columns=REASON:.reason,OBJ:.involvedObject.name'],
  ['events', '--for', 'node/kind-control-plane', '-A'], ['events', '--for', 'deploy/nginx-deploy'], ['events', '--for', 'job/pi'],
  ['events', '--types=Normal,Warning'], ['events', '--for', 'pod/nope'], ['events', '--types=bogus'], ['events', '--for', 'bad'], ['events', '--no-headers'],
  ['events', '-o', 'jsonpath={.items[0].metadata}'], ['events', '-o', 'go-template={{len .items}}'], ['events', '-o', 'jsonpath-as-json={.items[0].source}'],
];

for (const profile of ['kind', 'eks-article']) {
  oracleSuite(`get -o <client-side formats> and kubectl events vs real kubectl 1.33 (simulator, ${profile})`, () => {
    const cluster = runArticle(profile);
    return { objects: snapshot(cluster.api), now: cluster.clock.now() };
  }, ARGS.map((argv) => ({ argv })));
}
