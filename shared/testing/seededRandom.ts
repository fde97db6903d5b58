/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same numbers,
 * so a failing randomized test can be repeated exactly. Returns numbers in [0, 1).
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` bytes of seeded noise: content that differs everywhere between seeds. */
export function createSeededBytes(seed: number, length: number): Uint8Array {
  const random = createSeededRandom(seed);
  const bytes = new Uint8Array(length);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(length / 4));
  for (let i = 0; i < words.length; i++) words[i] = random() * 4294967296;
  for (let i = words.length * 4; i < length; i++) bytes[i] = random() * 256;
  return bytes;
}
