/**
 * Real oracle for `-o go-template` (rendered by kubectl's text/template): pipelines, variables,
 * comparisons, printf verbs and kubectl's base64decode, as tutorials use them.
 */
import { oracleSuite } from '../../oracle/suite.js';
import { snapshot } from '../../oracle/snapshot.js';
import { runArticle } from '../describe/simulator-objects.js';

const T = [
  '{{range $i, $p := .items}}{{$i}}={{$p.metadata.name}} {{end}}',
  '{{range .items}}{{if eq .status.phase "Running"}}{{.metadata.name}} {{end}}{{end}}',
  '{{(index .items 0).metadata.name}}', '{{range .items}}{{printf "%s:%s " .metadata.name .status.phase}}{{end}}',
  '{{base64decode "aGk="}}', '{{range .items}}{{if not .spec.nodeName}}x{{else}}y{{end}}{{end}}',
  '{{range .items}}{{.metadata.name | printf "%q"}}{{end}}',
  '{{range .items}}{{if and .spec.nodeName (eq .status.phase "Running")}}{{.metadata.name}} {{end}}{{end}}',
  '{{$n := len .items}}{{$n}}', '{{range .items}}{{$.kind}} {{end}}', '{{printf "%d items" (len .items)}}',
  '{{range .items}}{{.metadata.name}}{{range .spec.containers}} {{.image}}{{end}}{{"\\n"}}{{end}}',
  '{{range .items}}{{if gt (len .spec.containers) 0}}y{{end}}{{end}}', '{{range .items}}{{or .status.podIP "none"}} {{end}}',
  '{{ .items | len }}', '{{range .items}}{{with .status.podIP}}{{.}} {{end}}{{end}}', '{{range .items}}{{.spec.containers}}{{end}}',
];
const CASES = [
  ...T.map((t) => ['get', 'pods', '-o', `go-template=${t}`]),
  ['get', 'secret', 'token', '-o', 'go-template={{.data.token | base64decode}}'],
  ['get', 'secret', 'token', '-o', 'go-template={{range $k, $v := .data}}{{$k}}={{$v | base64decode}}{{"\\n"}}{{end}}'],
  ['get', 'pods', '-l', 'app=zzz', '-o', 'go-template={{range .items}}{{.metadata.name}}{{else}}none{{end}}'],
  ['get', 'svc', '-o', 'template={{range .items}}{{.metadata.name}}:{{.spec.type}} {{end}}'],
];

for (const profile of ['kind', 'eks-article']) {
  oracleSuite(`get -o go-template vs real kubectl 1.33 (simulator, ${profile})`, () => {
    const cluster = runArticle(profile);
    return { objects: snapshot(cluster.api), now: cluster.clock.now() };
  }, CASES.map((argv) => ({ argv })));
}
