// Seeded pseudo-random streams. Every source of randomness in the simulation is one of these,
// split from the scenario's root seed in a fixed order, so a seed reproduces a run exactly.
// sfc32 (Chris Doty-Humphrey's small fast counting generator): 128-bit state, passes PractRand,
// and needs only 32-bit integer arithmetic, which JavaScript does exactly.

/** Mixes a 32-bit value (murmur3's finaliser); used to turn labels and counters into seeds. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A seed derived from a parent seed and a path of labels, independent of call order. */
export function deriveSeed(seed: number, ...parts: (string | number)[]): number {
  let h = mix32(seed >>> 0);
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) h = mix32(h ^ text.charCodeAt(i)) ;
    h = mix32(h ^ 0x9e3779b9);
  }
  return h;
}

export type RngState = readonly [number, number, number, number];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // Warm up so nearby seeds give unrelated streams.
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  static fromState(state: RngState): Rng {
    const rng = new Rng(0);
    [rng.a, rng.b, rng.c, rng.d] = state;
    return rng;
  }

  state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.nextU32() / 4294967296;
  }

  /** An integer in [lo, hi) (hi exclusive). */
  int(lo: number, hi: number): number {
    if (!(hi > lo)) throw new Error(`Rng.int: empty range [${lo}, ${hi})`);
    return lo + Math.floor(this.float() * (hi - lo));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length)];
  }

  /** A child stream; consumes this stream, so the order of splits is part of the seed's meaning. */
  split(): Rng {
    return new Rng(mix32(this.nextU32() ^ mix32(this.nextU32())));
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const v = this.nextU32();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (v >>> (8 * j)) & 0xff;
    }
    return out;
  }
}
