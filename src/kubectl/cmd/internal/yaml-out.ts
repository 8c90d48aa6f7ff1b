/**
 * -o yaml as sigs.k8s.io/yaml writes it (keys sorted, sequences not indented under their key).
 * A stand-in until the framework's YAML printer is available to cmd verbs.
 */
import { stringify } from 'yaml';

export function toYaml(obj: unknown): string {
  return stringify(obj, { sortMapEntries: true, indentSeq: false, lineWidth: 0, nullStr: 'null' });
}
