/**
 * The `eId`s of the Akoma Ntoso export: derived from the numbering the stuk shows ("1." gives
 * `para_1`, "a." `point_a`), prefixed by the container's id, and made unique within one document
 * (a repeated label gets a suffix) because the schema's users rely on an eId naming one element.
 */

/** Hands out eIds for one export; the same request twice gives two different ids. */
export class EidRegistry {
  private readonly used = new Set<string>();
  private notes = 0;
  private readonly counters = new Map<string, number>();

  /** The next `kind_n` under `prefix` (`recs_1`, `recs_2` …), counting per prefix and kind. */
  next(prefix: string | null, kind: string): string {
    const key = `${prefix ?? ''}|${kind}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return this.take(prefix, `${kind}_${n}`);
  }

  /** The next footnote number: footnotes are numbered in document order, as the editor does. */
  nextNote(): number {
    this.notes += 1;
    return this.notes;
  }

  /** `prefix__part`, or `part` without prefix; `_2`, `_3` … appended when already taken. */
  take(prefix: string | null, part: string): string {
    const base = prefix === null ? part : `${prefix}__${part}`;
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

/** The id part of a printed label: "1." → "1", "a." → "a", "•" (or nothing) → "b" + position. */
export function labelPart(label: string, position: number): string {
  const cleaned = label
    .replace(/\.$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return cleaned.length > 0 ? cleaned : `b${position}`;
}
