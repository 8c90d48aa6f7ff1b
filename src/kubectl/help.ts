/**
 * kubectl's root help and its command list. The list is kubectl 1.33's (pkg/cmd/cmd.go groups,
 * in AddCommand order): cobra suggests unknown commands from it in this order, and `kubectl`
 * prints it whether or not kubelab implements a verb.
 */
export const commandGroups: { title: string; commands: [string, string][] }[] = [
  { title: 'Basic Commands (Beginner)', commands: [
    ['create', 'Create a resource from a file or from stdin'],
    ['expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service'],
    ['run', 'Run a particular image on the cluster'],
    ['set', 'Set specific features on objects'],
  ] },
  { title: 'Basic Commands (Intermediate)', commands: [
    ['explain', 'Get documentation for a resource'],
    ['get', 'Display one or many resources'],
    ['edit', 'Edit a resource on the server'],
    ['delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector'],
  ] },
  { title: 'Deploy Commands', commands: [
    ['rollout', 'Manage the rollout of a resource'],
    ['scale', 'Set a new size for a deployment, replica set, or replication controller'],
    ['autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller'],
  ] },
  { title: 'Cluster Management Commands', commands: [
    ['certificate', 'Modify certificate resources'],
    ['cluster-info', 'Display cluster information'],
    ['top', 'Display resource (CPU/memory) usage'],
    ['cordon', 'Mark node as unschedulable'],
    ['uncordon', 'Mark node as schedulable'],
    ['drain', 'Drain node in preparation for maintenance'],
    ['taint', 'Update the taints on one or more nodes'],
  ] },
  { title: 'Troubleshooting and Debugging Commands', commands: [
    ['describe', 'Show details of a specific resource or group of resources'],
    ['logs', 'Print the logs for a container in a pod'],
    ['attach', 'Attach to a running container'],
    ['exec', 'Execute a command in a container'],
    ['port-forward', 'Forward one or more local ports to a pod'],
    ['proxy', 'Run a proxy to the Kubernetes API server'],
    ['cp', 'Copy files and directories to and from containers'],
    ['auth', 'Inspect authorization'],
    ['debug', 'Create debugging sessions for troubleshooting workloads and nodes'],
    ['events', 'List events'],
  ] },
  { title: 'Advanced Commands', commands: [
    ['diff', 'Diff the live version against a would-be applied version'],
    ['apply', 'Apply a configuration to a resource by file name or stdin'],
    ['patch', 'Update fields of a resource'],
    ['replace', 'Replace a resource by file name or stdin'],
    ['wait', 'Experimental: Wait for a specific condition on one or many resources'],
    ['kustomize', 'Build a kustomization target from a directory or URL'],
  ] },
  { title: 'Settings Commands', commands: [
    ['label', 'Update the labels on a resource'],
    ['annotate', 'Update the annotations on a resource'],
    ['completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'],
  ] },
  { title: 'Subcommands provided by plugins', commands: [] },
  { title: 'Other Commands', commands: [
    ['api-resources', 'Print the supported API resources on the server'],
    ['api-versions', 'Print the supported API versions on the server, in the form of "group/version"'],
    ['config', 'Modify kubeconfig files'],
    ['plugin', 'Provides utilities for interacting with plugins'],
    ['version', 'Print the client and server version information'],
  ] },
];

/** Every top-level command in cobra's order (plus `options`, added last and not listed in help). */
export const allCommandNames: string[] = [...commandGroups.flatMap((g) => g.commands.map(([n]) => n)), 'options'];

function commandTable(): string {
  return commandGroups.map((g) =>
    `${g.title}:\n${g.commands.map(([n, s]) => `  ${n.padEnd(16)}${s}\n`).join('')}`).join('\n');
}

const rootUsage = `Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** `kubectl` / `kubectl help` / `kubectl --help`. */
export function rootHelp(): string {
  return `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

${commandTable()}
${rootUsage}`;
}

/** `kubectl help <unknown>`: cobra prints this to stdout and exits 0. */
export function unknownHelpTopic(topic: string): string {
  return `Unknown help topic [\`${topic}\`]\n\n\n${commandTable()}\n${rootUsage}`;
}

/** cobra's Levenshtein distance with ignoreCase (command.go `ld`). */
function ld(s: string, t: string): number {
  s = s.toLowerCase(); t = t.toLowerCase();
  const d: number[][] = [];
  for (let i = 0; i <= s.length; i++) { d.push([]); d[i]![0] = i; }
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      if (s[i - 1] === t[j - 1]) d[i]![j] = d[i - 1]![j - 1]!;
      else d[i]![j] = Math.min(d[i - 1]![j]!, d[i]![j - 1]!, d[i - 1]![j - 1]!) + 1;
    }
  }
  return d[s.length]![t.length]!;
}

/** cobra SuggestionsFor with SuggestionsMinimumDistance 2. */
export function suggestionsFor(typed: string, names: readonly string[] = allCommandNames): string[] {
  return names.filter((n) => ld(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()));
}

/** cobra's `unknown command "x" for "kubectl"` with its "Did you mean this?" block. */
export function unknownCommandText(typed: string): string {
  const s = suggestionsFor(typed);
  const tail = s.length ? `\n\nDid you mean this?\n${s.map((n) => `\t${n}\n`).join('')}` : '';
  return `error: unknown command "${typed}" for "kubectl"${tail}`;
}
