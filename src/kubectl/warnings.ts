/**
 * Warnings on stderr as kubectl prints them: server `Warning` headers (client-go rest/warnings.go,
 * deduplicated per command as kubectl's warning writer is) and kubectl's own warnings
 * (cli-runtime printers/warningprinter.go). On a terminal `Warning:` is bold yellow.
 */
import type { ApiClient, DeleteOptions, KubeList, KubeObject, ListOptions, PatchType, ResourceInfo,
  ResourceRef, Unsubscribe, VersionInfo, WatchEvent, WriteOptions } from '../cluster/api/types.js';
import type { KubectlContext } from './context.js';

/** A discovery list that carries the command's warning printer (kubectl-side warnings while resolving names). */
export const WARN: unique symbol = Symbol('warn');
export type Discovery = ResourceInfo[] & { [WARN]?: (text: string) => void };

/** `Warning: <text>\n`, coloured on a TTY. */
export function formatWarning(text: string, isTTY: boolean): string {
  return `${isTTY ? '\x1b[33;1mWarning:\x1b[0m' : 'Warning:'} ${text}\n`;
}

/** Print a kubectl-side warning (e.g. delete --force's "Immediate deletion ..."). */
export function printWarning(ctx: Pick<KubectlContext, 'stderr' | 'isTTY'>, text: string): void {
  ctx.stderr(formatWarning(text, ctx.isTTY));
}

/**
 * An ApiClient that collects each response's warnings and prints every distinct text once,
 * as soon as the response arrives (so they precede the command's output).
 */
export class WarningClient implements ApiClient {
  private readonly seen = new Set<string>();
  readonly logs?: ApiClient['logs'];

  constructor(private readonly inner: ApiClient, private readonly ctx: Pick<KubectlContext, 'stderr' | 'isTTY'>) {
    if (inner.logs) this.logs = (ns, pod, opts) => inner.logs!(ns, pod, opts);
  }

  private run<T>(opts: { warnings?: string[] } | undefined, call: (warnings: string[]) => T): T {
    const warnings: string[] = [];
    try { return call(warnings); } finally {
      for (const w of warnings) {
        opts?.warnings?.push(w);
        if (this.seen.has(w)) continue;
        this.seen.add(w);
        printWarning(this.ctx, w);
      }
    }
  }

  private warnedDiscovery?: Discovery;
  /** Discovery that can warn, once per command, as kubectl's shortcut expander does (see resources.ts). */
  discovery(): readonly ResourceInfo[] {
    if (!this.warnedDiscovery) {
      const d: Discovery = [...this.inner.discovery()];
      d[WARN] = (text) => this.run(undefined, (warnings) => { warnings.push(text); });
      this.warnedDiscovery = d;
    }
    return this.warnedDiscovery;
  }
  version(): VersionInfo { return this.inner.version(); }
  create(ref: ResourceRef, ns: string | undefined, obj: KubeObject, opts?: WriteOptions): KubeObject {
    return this.run(opts, (warnings) => this.inner.create(ref, ns, obj, { ...opts, warnings }));
  }
  get(ref: ResourceRef, ns: string | undefined, name: string, opts?: { subresource?: 'status' | 'scale'; warnings?: string[] }): KubeObject {
    return this.run(opts, (warnings) => this.inner.get(ref, ns, name, { ...opts, warnings }));
  }
  list(ref: ResourceRef, ns: string | undefined, opts?: ListOptions): KubeList {
    return this.run(opts, (warnings) => this.inner.list(ref, ns, { ...opts, warnings }));
  }
  update(ref: ResourceRef, ns: string | undefined, obj: KubeObject, opts?: WriteOptions): KubeObject {
    return this.run(opts, (warnings) => this.inner.update(ref, ns, obj, { ...opts, warnings }));
  }
  patch(ref: ResourceRef, ns: string | undefined, name: string, type: PatchType, patch: unknown, opts?: WriteOptions): KubeObject {
    return this.run(opts, (warnings) => this.inner.patch(ref, ns, name, type, patch, { ...opts, warnings }));
  }
  delete(ref: ResourceRef, ns: string | undefined, name: string, opts?: DeleteOptions): KubeObject {
    return this.run(opts, (warnings) => this.inner.delete(ref, ns, name, { ...opts, warnings }));
  }
  watch(ref: ResourceRef, ns: string | undefined, opts: ListOptions & { sendInitial?: boolean }, onEvent: (e: WatchEvent) => void): Unsubscribe {
    return this.run(opts, (warnings) => this.inner.watch(ref, ns, { ...opts, warnings }, onEvent));
  }
}
