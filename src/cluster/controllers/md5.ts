/**
 * MD5 (RFC 1321), for RepackSubsets' ordering, which sorts ports and subsets by the MD5 of
 * their spew dump. Small and synchronous: the browser's SubtleCrypto has no MD5 and is async.
 */
const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_v, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export function md5(input: string): Uint8Array {
  const msg = new TextEncoder().encode(input);
  const len = msg.length;
  const total = ((len + 8) >>> 6) + 1;
  const words = new Uint32Array(total * 16);
  for (let i = 0; i < len; i++) words[i >> 2]! |= msg[i]! << ((i % 4) * 8);
  words[len >> 2]! |= 0x80 << ((len % 4) * 8);
  words[total * 16 - 2] = (len * 8) >>> 0;
  words[total * 16 - 1] = Math.floor((len * 8) / 2 ** 32) >>> 0;
  let a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
  for (let chunk = 0; chunk < total; chunk++) {
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number, g: number;
      if (i < 16) { f = (b & c) | (~b & d); g = i; }
      else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
      else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
      else { f = c ^ (b | ~d); g = (7 * i) % 16; }
      const tmp = d;
      d = c;
      c = b;
      const x = (a + f + K[i]! + words[chunk * 16 + g]!) >>> 0;
      b = (b + ((x << S[i]!) | (x >>> (32 - S[i]!)))) >>> 0;
      a = tmp;
    }
    a0 = (a0 + a) >>> 0; b0 = (b0 + b) >>> 0; c0 = (c0 + c) >>> 0; d0 = (d0 + d) >>> 0;
  }
  const out = new Uint8Array(16);
  [a0, b0, c0, d0].forEach((w, i) => { for (let j = 0; j < 4; j++) out[i * 4 + j] = (w >>> (8 * j)) & 255; });
  return out;
}

export function md5Hex(input: string): string {
  return [...md5(input)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** bytes.Compare of two digests. */
export function compareDigests(x: Uint8Array, y: Uint8Array): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}
