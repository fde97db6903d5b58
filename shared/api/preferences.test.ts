import { describe, expect, it } from 'vitest';
import {
  MAX_ASSEMBLY_LENGTH,
  describePreferenceProblem,
  isAbsoluteFolderPath,
  userPreferencesSchema,
} from './preferences.ts';

describe('isAbsoluteFolderPath', () => {
  it('knows full paths of every platform', () => {
    for (const full of [
      '/home/auteur/Resoluties',
      'C:\\Users\\auteur',
      'd:/stukken',
      '\\\\server\\share\\alv',
    ]) {
      expect(isAbsoluteFolderPath(full), full).toBe(true);
    }
    for (const relative of ['Resoluties', './stukken', 'C:stukken', '~/Documenten', '\\\\server']) {
      expect(isAbsoluteFolderPath(relative), relative).toBe(false);
    }
  });
});

describe('describePreferenceProblem', () => {
  it('says nothing about a valid value, and what is wrong with an invalid one', () => {
    expect(describePreferenceProblem('userName', 'Auteur')).toBeNull();
    expect(describePreferenceProblem('userName', '  ')).toBe(
      'Vul uw naam in: collega’s zien hem bij uw cursor en uw wijzigingen.',
    );
    // A name presence would refuse (and colleagues never see): a control or bidi character.
    for (const hidden of ['Anne\u0007ke', 'Auteur\u202E', 'Jurist\u2066van\u2069Wijchen']) {
      expect(describePreferenceProblem('userName', hidden), JSON.stringify(hidden)).toMatch(
        /stuurteken/,
      );
    }
    expect(describePreferenceProblem('userName', 'Auteur van Wijchen-Ünal')).toBeNull();
    expect(describePreferenceProblem('defaultAssembly', 'x'.repeat(MAX_ASSEMBLY_LENGTH + 1))).toBe(
      `De naam van de vergadering is te lang: hoogstens ${MAX_ASSEMBLY_LENGTH} tekens.`,
    );
    expect(describePreferenceProblem('defaultAssembly', '')).toMatch(/^Vul de vergadering in/);
    expect(describePreferenceProblem('documentsDir', null)).toBeNull();
    expect(describePreferenceProblem('documentsDir', '/srv/stukken')).toBeNull();
    expect(describePreferenceProblem('documentsDir', 'Documenten')).toMatch(
      /^Geef de volledige map op/,
    );
    expect(describePreferenceProblem('documentsDir', '/srv/a\nb')).toMatch(/regeleinde/);
    expect(describePreferenceProblem('dateStyle', 'kort')).toBe('Kies hoe datums getoond worden.');
  });

  it('agrees with the schema: a value it accepts is stored as it was meant', () => {
    const parsed = userPreferencesSchema.parse({
      userName: '  Jurist ',
      userColour: '#1b6e3a',
      defaultAssembly: ' Najaars ALV ',
      documentsDir: ' /srv/stukken ',
      dateStyle: 'numeric',
      pdfArchive: false,
    });
    expect(parsed).toMatchObject({
      userName: 'Jurist',
      defaultAssembly: 'Najaars ALV',
      documentsDir: '/srv/stukken',
    });
  });
});
