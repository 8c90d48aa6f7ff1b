/**
 * Monaco with monaco-yaml and the Kubernetes schema generated from kubernetes-types. This file is
 * only ever imported dynamically: the initial page does not carry Monaco.
 *
 * monaco-yaml 5.5.1 creates its worker with Monaco's pre-0.53 createWebWorker options; Monaco
 * 0.57 accepts only { worker, host }. The shim below replays the old handshake (stack-notes §6b;
 * upstream remcohaszing/monaco-yaml#272). We keep Monaco 0.57 over pinning 0.52.2 for its
 * tree-shakeable entry points and current fixes.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import k8sSchema from '../../generated/k8s.schema.json';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

interface LegacyWebWorkerOptions { label?: string; moduleId?: string; createData?: unknown; host?: Record<string, (...args: unknown[]) => unknown>; keepIdleModels?: boolean }

const monacoForYaml: typeof monaco = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker<T extends object>(opts: LegacyWebWorkerOptions | monaco.editor.IInternalWebWorkerOptions) {
      if ('worker' in opts) return monaco.editor.createWebWorker<T>(opts);
      const worker = self.MonacoEnvironment!.getWorker!('workerMain.js', opts.label ?? 'yaml') as Worker;
      worker.postMessage('ignore');        // 1st message: monaco-worker-manager calls initialize()
      worker.postMessage(opts.createData); // 2nd: the yaml language service's createData
      return monaco.editor.createWebWorker<T>({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels } as monaco.editor.IInternalWebWorkerOptions);
    },
  } as typeof monaco.editor,
};

configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  format: { enable: true },
  isKubernetes: true,
  schemas: [{ uri: 'kubelab://schemas/k8s.json', fileMatch: ['**/*.yaml', '**/*.yml'], schema: k8sSchema as unknown as JSONSchema }],
});

export { monaco };
