/**
 * What every describer is: a fetch through the API client followed by a pure render
 * (kubectl pkg/describe: ResourceDescriber.Describe(namespace, name, settings)).
 */
import type { ApiClient } from '../../cluster/api/types.js';

export interface DescriberSettings {
  /** --show-events (default true). */
  showEvents: boolean;
}

export interface DescribeDeps {
  api: ApiClient;
  /** kubectl's clock (ages in describe are computed client-side). */
  now: number;
}

/** Describes one object; throws the ApiError of a failed fetch of the object itself. */
export type Describer = (deps: DescribeDeps, namespace: string, name: string, settings: DescriberSettings) => string;
