/**
 * Real oracle for what kubectl does client-side around `get`: --sort-by, -L, --show-kind,
 * --show-managed-fields, custom-columns files, several names, and bad templates/columns/names.
 * (Sorted/label tables still take their cells from fakeapi's printers.go port; the order,
 * extra columns and errors are real kubectl's.)
 */
import { oracleSuite } from '../../oracle/suite.js';
import { snapshot } from '../../oracle/snapshot.js';
import { runArticle } from '../describe/simulator-objects.js';

const COLS = 'NAME          IP\n.metadata.name .status.podIP\n';
const CASES: { argv: string[]; files?: Record<string, string> }[] = [
  ...[['get', 'pods', '-A', '--sort-by=.metadata.name'], ['get', 'pods', '--sort-by=.status.podIP', '-o', 'wide'],
    ['get', 'pods', '-A', '--sort-by=.metadata.creationTimestamp', '-o', 'name'], ['get', 'events', '--sort-by=.lastTimestamp'],
    ['get', 'svc', '-A', '--sort-by=.spec.clusterIP'], ['get', 'nodes', '--sort-by=.metadata.name', '-o', 'jsonpath={.items[*].metadata.name}'],
    ['get', 'pods', '--sort-by=.spec.nothing'], ['get', 'pods', '-L', 'app', '-L', 'pod-template-hash'], ['get', 'deploy,rs', '-L', 'app'],
    ['get', 'pods', '--show-kind'], ['get', 'svc', '-A', '--show-kind', '-o', 'wide'],
    ['get', 'pod', 'broken', '-o', 'yaml', '--show-managed-fields'], ['get', 'deploy', '-o', 'json', '--show-managed-fields'],
    ['get', 'pod', 'broken', 'nginx-pod', 'nope', '-o', 'name'], ['get', 'svc', 'nginx-svc', 'nginx-np', '-o', 'yaml'],
    ['get', 'pod', 'nope', '-o', 'yaml'], ['get', 'ev', '-o', 'name'], ['describe', 'ev', '-A'], ['get', 'ev,ev,po', '-o', 'name'], ['get', 'ev', 'nope'],
    ['events', '--for', 'ev/x'], ['delete', 'ev', 'x', '--dry-run=client'], ['get', 'svc,ep', '-o', 'yaml'], ['get', 'all', '-o', 'json'], ['get', 'pods', '-n', 'nowhere', '-o', 'json'],
    ['get', 'pods', '-n', 'nowhere', '-o', 'yaml'], ['get', 'pods', '-n', 'nowhere'],
    ['get', 'pods', '-l', 'app=none', '-o', 'jsonpath={.items}'], ['get', 'deploy', '-o', 'go-template={{.items}}'],
    ['get', 'deploy', '-o', 'custom-columns=TS:.spec.template.metadata.creationTimestamp,M:.spec.template.metadata'],
    ['get', 'deploy', '-o', 'go-template={{range .items}}{{.spec.template.metadata.creationTimestamp}}{{end}}'],
    ['get', 'pods', '-o', 'custom-columns=N:.metadata.name,X:.spec.nothing,Y:.metadata.deletionTimestamp'],
    ['get', 'pods', '-o', 'jsonpath={.items[0]["metadata"]}'], ['get', 'pods', '-o', "jsonpath={.items[0]['metadata']['name']}"],
    ['get', 'pods', '-l', 'app=nginx', '-o', "jsonpath={.items[0].metadata.labels['pod-template-hash']}"],
    ['get', 'pods', '-o', 'jsonpath={.items[?(@.metadata.name=~"nginx")].metadata.name}'],
    ['get', 'pods', '-o', 'jsonpath={.items[?(@.spec.terminationGracePeriodSeconds>20)].metadata.name}'],
    ['get', 'pods', '-o', 'jsonpath={.items[-1:].metadata.name} {.items[1:3].metadata.name}'], ['get', 'pod', 'nope', 'broken', '-o', 'yaml'], ['get', 'pods', '-o', 'jsonpath={.items[0].metadata.nam'],
    ['get', 'pods', '-o', 'jsonpath={.items[0].metadata.name'], ['get', 'pods', '-o', 'custom-columns=BAD'],
    ['get', 'pods', '-o', 'custom-columns='], ['get', 'pods', '-o', 'go-template={{.items'], ['get', 'pods', '-o', 'yamll'],
    ['get', 'pods', '-o', 'jsonpath={.items[?(@.status.phase=="Running")].metadata.name}'],
    ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.containerStatuses[*].state}{"\\n"}{end}'],
    ['get', 'ep', '-o', 'jsonpath={..ip}'], ['get', 'secret', 'token', '-o', 'jsonpath={.data.token}'],
    ['get', 'cm', 'site', '-o', 'go-template={{index .data "index.html"}}'],
    ['get', 'endpointslices', '-o', 'custom-columns=NAME:.metadata.name,SVC:.metadata.labels.kubernetes\\.io/service-name,ADDR:.endpoints[*].addresses[0]'],
  ].map((argv) => ({ argv })),
  { argv: ['get', 'pods', '-o', 'custom-columns-file=cols.txt'], files: { 'cols.txt': COLS } },
];

for (const profile of ['kind', 'eks-article']) {
  oracleSuite(`get flags and bad output specs vs real kubectl 1.33 (simulator, ${profile})`, () => {
    const cluster = runArticle(profile);
    return { objects: snapshot(cluster.api), now: cluster.clock.now() };
  }, CASES);
}
