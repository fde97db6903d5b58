/**
 * Which modules a built file's bytes are: a walk over its source map, giving every byte of
 * the generated code to the source its mapping points at. Minified code is one long line, so
 * this is the only honest way to say "react-dom is this much of the start script" after the
 * minifier has mixed everything together.
 */
import { existsSync, readFileSync } from 'node:fs';
import { areaOf, shortenSource } from './cpuProfile.ts';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** The numbers of one segment of a source map's `mappings` (base-64 VLQ). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`Ongeldig teken in een source map: ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Bytes of `code` per source file, as its source map (`map`, the JSON text) assigns them.
 * Bytes without a mapping (the bundler's own glue) count as "(bundler)". Counts UTF-16 code
 * units, which is bytes for the ASCII a minifier writes.
 */
export function bytesPerSource(code: string, map: string): Map<string, number> {
  const { sources, mappings } = JSON.parse(map) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const out = new Map<string, number>();
  const add = (source: string, bytes: number) => {
    if (bytes > 0) out.set(source, (out.get(source) ?? 0) + bytes);
  };
  let sourceIndex = 0;
  mappings.split(';').forEach((line, lineNo) => {
    // The line's own bytes, and its newline but for the last line's.
    const length = (lines[lineNo] ?? '').length + (lineNo < lines.length - 1 ? 1 : 0);
    let column = 0;
    let at = 0;
    let current = '(bundler)';
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      add(current, column - at);
      at = column;
      if (sourceDelta === undefined) current = '(bundler)';
      else {
        sourceIndex += sourceDelta;
        current = sources[sourceIndex] ?? '(bundler)';
      }
    }
    add(current, length - at);
  });
  return out;
}

/**
 * The areas (a package, or a folder of the project two levels deep) of the built files
 * `files`, with their bytes, largest first. A file without a `.map` next to it counts whole.
 */
export function bundleAreas(files: readonly string[]): { area: string; bytes: number }[] {
  const areas = new Map<string, number>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    if (!existsSync(`${file}.map`)) {
      areas.set('(zonder source map)', (areas.get('(zonder source map)') ?? 0) + code.length);
      continue;
    }
    for (const [source, bytes] of bytesPerSource(code, readFileSync(`${file}.map`, 'utf8'))) {
      const short = shortenSource(source);
      const area = /^(renderer|shared)\//.test(short)
        ? short.split('/').slice(0, 2).join('/')
        : areaOf(short);
      areas.set(area, (areas.get(area) ?? 0) + bytes);
    }
  }
  return [...areas].map(([area, bytes]) => ({ area, bytes })).sort((a, b) => b.bytes - a.bytes);
}
