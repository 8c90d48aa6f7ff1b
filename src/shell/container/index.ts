/** Container-side tools and per-image setup (engineer G). */
export { attachCluster, attachedNetwork, containerSetup, containerParts, type NetworkSource } from './setup.js';
export { workstationTools } from './workstation.js';
export { containerImage, hasShell, execNotFoundMessage, type ContainerImage, type OsId, type ShellKind } from './images.js';
export { hostsFile } from './files.js';
export { binaryPath, type GatedCommand } from './context.js';
