import { describe, expect, it } from 'vitest';
import { areaOf, shortenSource, summarizeProfile } from './cpuProfile.ts';
import type { CpuProfile } from './cpuProfile.ts';

// (root) → a → b → a (recursion), and (root) → (idle); 1 ms per sample.
const frame = (functionName: string, url = 'app.js') => ({
  functionName,
  url,
  lineNumber: 0,
  columnNumber: 0,
});
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
    { id: 2, callFrame: frame('a'), children: [3] },
    { id: 3, callFrame: frame('b'), children: [4] },
    { id: 4, callFrame: frame('a') },
    { id: 5, callFrame: frame('(idle)', '') },
  ],
  samples: [2, 3, 4, 4, 5],
  timeDeltas: [1000, 1000, 1000, 1000, 1000],
};

describe('CPU profile summary', () => {
  it('counts self time at the leaf and total time once per function on the stack', () => {
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(5);
    expect(summary.idleMs).toBe(1);
    const a = summary.functions.find((f) => f.name === 'a')!;
    const b = summary.functions.find((f) => f.name === 'b')!;
    expect(a).toMatchObject({ selfMs: 3, totalMs: 4 });
    expect(b).toMatchObject({ selfMs: 1, totalMs: 3 });
  });

  it('names places by package or project path', () => {
    expect(shortenSource('../../node_modules/prosemirror-view/dist/index.js')).toBe(
      'prosemirror-view/dist/index.js',
    );
    expect(shortenSource('../../node_modules/@hocuspocus/provider/dist/x.js')).toBe(
      '@hocuspocus/provider/dist/x.js',
    );
    expect(shortenSource('/opt/resolutie-editor/renderer/editor/yjsBinding.ts')).toBe(
      'renderer/editor/yjsBinding.ts',
    );
    // A checkout in a folder called `main`: the last top folder names the file.
    expect(shortenSource('/srv/main/bench/page/latencyProbe.ts')).toBe(
      'bench/page/latencyProbe.ts',
    );
    expect(shortenSource('/srv/main/main/cli/commands.ts')).toBe('main/cli/commands.ts');
    expect(areaOf('prosemirror-view/dist/index.js:12')).toBe('prosemirror-view');
    expect(areaOf('@hocuspocus/provider/dist/x.js:1')).toBe('@hocuspocus/provider');
    expect(areaOf('renderer/editor/yjsBinding.ts:3')).toBe('renderer/editor/yjsBinding.ts');
  });
});
