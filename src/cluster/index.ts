/** The cluster layer's public door: everything other layers may import from src/cluster. */
export { Cluster, type ClusterOptions, type ClusterSnapshot } from './cluster.js';
export type { ApiServerDump } from './api/server.js';
export { ApiError } from './api/types.js';
export type * from './api/types.js';
export { VirtualClock } from './clock.js';
export { SeededRandom, K8S_RAND_ALPHABET } from './rng.js';
export type { ClusterProfile, NodeProfile } from './profile.js';
export { profiles, getProfile, DEFAULT_PROFILE } from './profiles/index.js';
export { ContainerRuntime } from './runtime/runtime.js';
export type { ContainerRecord, PodRecord, ProcessInfo } from './runtime/types.js';
export { IMAGE_CATALOG, resolveImage, type ImageInfo, type ImageRef } from './images.js';
export { nginxAccessTime, nginxTime } from './runtime/logs.js';
