/** kubectl describe secret (describe.go SecretDescriber, describeSecret): sizes only, never values. */
import type { Secret } from 'kubernetes-types/core/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString } from './prefix-writer.js';
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format.js';
import { decodedLength } from './configmap.js';

const SECRETS = { group: '', resource: 'secrets' };

export const describeSecretResource: Describer = (deps, namespace, name) => {
  const secret = deps.api.get(SECRETS, namespace, name) as unknown as Secret;
  return describeSecret(secret);
};

function decodeBase64(b64: string): string {
  const bin = atob(b64.replace(/\s/g, ''));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** Keys sorted (Go's map order is random; see describeConfigMap). */
export function describeSecret(secret: Secret): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata?.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(secret.data)) {
      const v = secret.data![k];
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${decodeBase64(v)}\n`);
      else w.write(LEVEL_0, `${k}:\t${decodedLength(v)} bytes\n`);
    }
  });
}
