import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSEMBLY, getAssemblyName } from './assembly.ts';

describe('getAssemblyName', () => {
  it('keeps a named assembly, without the white space at its ends', () => {
    expect(getAssemblyName('  Najaars ALV ')).toBe('Najaars ALV');
  });

  it('names the default assembly for an empty or blank name', () => {
    expect(DEFAULT_ASSEMBLY).toBe('ALV');
    expect(getAssemblyName('')).toBe('ALV');
    expect(getAssemblyName(' \t\n')).toBe('ALV');
  });
});
