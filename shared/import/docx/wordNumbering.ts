/**
 * Word's own numbering (numbering.xml): a paragraph's `w:numPr` names a list instance
 * (`numId`) and a level (`ilvl`); the instance points at an abstract definition whose level
 * says how it counts (decimal, lowerLetter, bullet …). The import uses the format to tell
 * numbered items from lettered or bulleted sub-items, never the label's text.
 *
 * A hostile or sloppy file may name a list that does not exist, or an absurd level: those
 * paragraphs count as not numbered (a missing list), or at the deepest level Word knows (8).
 */
import { W_NS, attr, childElement, childElements, type XmlElement } from './xmlTree.ts';
import type { NumberingRef } from './wordStyles.ts';

/** How a level counts. */
export type LevelFormat = 'decimal' | 'letter' | 'bullet' | 'none' | 'other';

/** A paragraph's place in a Word list. */
export interface ListPlace {
  /** The list instance. */
  numId: string;
  /** The list definition: instances of one definition count on, unless one restarts. */
  abstractId: string;
  /** The instance starts this level again (`w:startOverride`): a new list. */
  restarts: boolean;
  level: number;
  format: LevelFormat;
}

/** Word's lists: a list instance's level format by numId and level. */
export interface WordNumbering {
  find(ref: NumberingRef | null): ListPlace | null;
}

const MAX_LEVEL = 8;

export function readWordNumbering(numbering: XmlElement | null): WordNumbering {
  const abstract = new Map<string, Map<number, LevelFormat>>();
  const instances = new Map<
    string,
    { abstractId: string; overrides: Map<number, LevelFormat>; restarts: Set<number> }
  >();
  if (numbering) {
    for (const definition of childElements(numbering, W_NS, 'abstractNum')) {
      const id = attr(definition, W_NS, 'abstractNumId');
      if (id !== undefined) abstract.set(id, readLevels(definition));
    }
    for (const num of childElements(numbering, W_NS, 'num')) {
      const id = attr(num, W_NS, 'numId');
      const abstractId = attr(childElement(num, W_NS, 'abstractNumId'), W_NS, 'val');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, LevelFormat>();
      const restarts = new Set<number>();
      for (const override of childElements(num, W_NS, 'lvlOverride')) {
        const level = childElement(override, W_NS, 'lvl');
        const ilvl = Number(attr(override, W_NS, 'ilvl'));
        if (!Number.isInteger(ilvl)) continue;
        if (level) overrides.set(ilvl, formatOf(level));
        if (childElement(override, W_NS, 'startOverride')) restarts.add(ilvl);
      }
      instances.set(id, { abstractId, overrides, restarts });
    }
  }
  return {
    find: (ref) => {
      // numId 0 is Word's way of saying "not numbered" (a style's list switched off).
      if (!ref || ref.numId === '0') return null;
      const instance = instances.get(ref.numId);
      if (!instance) return null;
      const level = Math.min(Math.max(ref.ilvl ?? 0, 0), MAX_LEVEL);
      const format =
        instance.overrides.get(level) ?? abstract.get(instance.abstractId)?.get(level) ?? 'decimal';
      return {
        numId: ref.numId,
        abstractId: instance.abstractId,
        restarts: instance.restarts.has(level),
        level,
        format,
      };
    },
  };
}

function readLevels(definition: XmlElement): Map<number, LevelFormat> {
  const levels = new Map<number, LevelFormat>();
  for (const level of childElements(definition, W_NS, 'lvl')) {
    const ilvl = Number(attr(level, W_NS, 'ilvl'));
    if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= MAX_LEVEL) levels.set(ilvl, formatOf(level));
  }
  return levels;
}

function formatOf(level: XmlElement): LevelFormat {
  const format = attr(childElement(level, W_NS, 'numFmt'), W_NS, 'val') ?? 'decimal';
  if (format === 'bullet') return 'bullet';
  if (format === 'none') return 'none';
  if (format === 'lowerLetter' || format === 'upperLetter') return 'letter';
  if (/^decimal/.test(format) || /roman/i.test(format) || format === 'ordinal') return 'decimal';
  return 'other';
}
