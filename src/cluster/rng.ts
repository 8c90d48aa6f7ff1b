/**
 * The one seeded random source (mulberry32). Where Kubernetes is random (generateName
 * suffixes, ClusterIPs, pod IPs, which endpoint kube-proxy picks), we draw from here.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) { this.state = seed >>> 0; }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number { return Math.floor(this.next() * n); }

  pick<T>(items: readonly T[]): T { return items[this.int(items.length)]!; }

  string(alphabet: string, length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }

  getState(): number { return this.state; }
  setState(s: number): void { this.state = s >>> 0; }
}

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits without look-alikes. */
export const K8S_RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
