/**
 * Where the time goes: Chromium's sampling CPU profile (the DevTools protocol's `Profiler`)
 * of a page while it works, summarised per function (self and total time) and per area
 * (the source file, or the package, a function comes from). A source map turns the bundle's
 * positions back into the project's files.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import type { Page } from 'playwright-core';

/** The parts of a `Profiler.Profile` this summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Time per function or area, in milliseconds over the whole profile. */
export interface ProfileEntry {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

/** Runs `work` while the page's CPU profile is taken; returns the profile. */
export async function profilePage(page: Page, work: () => Promise<void>): Promise<CpuProfile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  let failure: unknown = null;
  try {
    await work();
  } catch (error) {
    failure = error;
  }
  // Stopped in any case, so the page is not left profiling; the work's error wins.
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  if (failure) throw failure;
  return profile;
}

/** Maps a bundle's positions to original files through its `.map` file next to it. */
export function createSourceMapper(
  bundleUrlEnd: string,
  mapFile: string,
): (url: string, line: number, column: number) => string | null {
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as never);
  return (url, line, column) => {
    if (!url.endsWith(bundleUrlEnd)) return null;
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    if (!entry.originalSource) return null;
    return `${shortenSource(entry.originalSource)}:${(entry.originalLine ?? 0) + 1}`;
  };
}

/** A source path as people read it: the package, or the project's own path. */
export function shortenSource(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return `${name}/${rest.slice(rest[0]!.startsWith('@') ? 2 : 1).join('/')}`;
  }
  // The last top folder in the path is the project's own: a checkout may itself sit in a
  // folder called `main`, and `…/main/bench/x.ts` is bench's file, not main's.
  const at = Math.max(
    ...['renderer/', 'shared/', 'main/', 'bench/'].map((top) => source.lastIndexOf(top)),
  );
  return at >= 0 ? source.slice(at) : source;
}

/** The area of a place: a package name, or the project's file (without the line). */
export function areaOf(where: string): string {
  const file = where.replace(/:\d+$/, '');
  if (/^(renderer|shared|main|bench)\//.test(file)) return file;
  if (file.startsWith('(')) return file;
  return file.startsWith('@') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0]!;
}

/**
 * Self and total time per function (name and place) and per area, largest first. `map`
 * turns a bundle position into a source place; without it, the URL and line are kept.
 */
export function summarizeProfile(
  profile: CpuProfile,
  map: (url: string, line: number, column: number) => string | null = () => null,
): { functions: ProfileEntry[]; areas: ProfileEntry[]; totalMs: number; idleMs: number } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const placeOf = new Map<number, { name: string; where: string }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where =
      map(url, lineNumber, columnNumber) ??
      (url ? `${url.replace(/^.*\//, '')}:${lineNumber + 1}` : '(native)');
    const name = functionName || '(anonymous)';
    // V8's own entries ((root), (program), (idle), (garbage collector)) have no script.
    const special = !url && name.startsWith('(');
    placeOf.set(node.id, special ? { name, where: name } : { name, where });
  }

  const functions = new Map<string, ProfileEntry>();
  const areas = new Map<string, ProfileEntry>();
  const entry = (table: Map<string, ProfileEntry>, name: string, where: string) => {
    const key = `${name}@${where}`;
    let found = table.get(key);
    if (!found) table.set(key, (found = { name, where, selfMs: 0, totalMs: 0 }));
    return found;
  };
  let totalMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const leaf = placeOf.get(id)!;
    if (leaf.name === '(idle)') {
      idleMs += ms;
      return;
    }
    entry(functions, leaf.name, leaf.where).selfMs += ms;
    entry(areas, areaOf(leaf.where), '').selfMs += ms;
    // Total time: once per function and area on the stack, however deep the recursion.
    const seenFunctions = new Set<string>();
    const seenAreas = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (!byId.has(at)) break;
      const place = placeOf.get(at)!;
      const key = `${place.name}@${place.where}`;
      if (!seenFunctions.has(key)) {
        seenFunctions.add(key);
        entry(functions, place.name, place.where).totalMs += ms;
      }
      const area = areaOf(place.where);
      if (!seenAreas.has(area)) {
        seenAreas.add(area);
        entry(areas, area, '').totalMs += ms;
      }
    }
  });
  const sorted = (table: Map<string, ProfileEntry>) =>
    [...table.values()].sort((a, b) => b.selfMs - a.selfMs);
  return { functions: sorted(functions), areas: sorted(areas), totalMs, idleMs };
}
