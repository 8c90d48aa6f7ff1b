// The YAML language service worker (monaco-yaml), in its own file so Vite bundles it as a worker.
import 'monaco-yaml/yaml.worker.js';
