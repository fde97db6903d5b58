import { describe, expect, it } from 'vitest';
import { DocumentError } from './documentErrors.ts';
import { MAX_DOCUMENT_NAME_LENGTH, toDocumentFileName } from './documentNames.ts';

function problem(input: string): string {
  try {
    toDocumentFileName(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe('invalid_name');
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('toDocumentFileName', () => {
  it('trims, adds the extension and keeps the name as typed', () => {
    expect(toDocumentFileName('Motie vreemdelingenbeleid')).toEqual({
      name: 'Motie vreemdelingenbeleid',
      fileName: 'Motie vreemdelingenbeleid.resolutie',
    });
    expect(toDocumentFileName('  Resolutie 2026  ').fileName).toBe('Resolutie 2026.resolutie');
    expect(toDocumentFileName('Motie.resolutie').name).toBe('Motie');
    expect(toDocumentFileName('Motie.RESOLUTIE').name).toBe('Motie');
    expect(toDocumentFileName('Versie 1.2 (concept)').name).toBe('Versie 1.2 (concept)');
    expect(toDocumentFileName('Inzet… kabinet').name).toBe('Inzet… kabinet');
    expect(toDocumentFileName('Één wet, “twee” kamers').name).toBe('Één wet, “twee” kamers');
    expect(toDocumentFileName('Console-overleg').name).toBe('Console-overleg');
  });

  it('writes names in Unicode NFC, so one name is one file on every system', () => {
    const decomposed = 'Re\u0301solutie';
    expect(toDocumentFileName(decomposed).name).toBe('Résolutie');
  });

  it('refuses empty names', () => {
    expect(problem('')).toBe('Geef het document een naam.');
    expect(problem('   ')).toBe('Geef het document een naam.');
    expect(problem('.resolutie')).toBe('Geef het document een naam.');
  });

  it('refuses path separators and ..', () => {
    for (const name of ['a/b', '../Motie', 'a\\b', '..\\Motie', '/etc/passwd']) {
      expect(problem(name), name).toBe(
        'Een naam mag geen / of \\ bevatten: het document komt altijd in de documentenmap.',
      );
    }
    for (const name of ['..', '...', 'Motie..concept']) {
      expect(problem(name), name).toBe(
        'Een naam mag geen twee punten achter elkaar (..) bevatten.',
      );
    }
    expect(problem('.verborgen')).toBe('Een naam mag niet met een punt beginnen.');
    expect(problem('Motie.')).toBe('Een naam mag niet op een punt eindigen.');
  });

  it('refuses control characters', () => {
    for (const name of ['a\nb', 'a\tb', 'a\u0000b', 'a\u007fb', 'a\u0085b']) {
      expect(problem(name), JSON.stringify(name)).toBe(
        'Een naam mag geen regeleinden, tabs of andere onzichtbare tekens bevatten.',
      );
    }
  });

  it('refuses characters and names that Windows does not allow', () => {
    for (const name of ['a:b', 'a?b', 'a*b', 'a<b', 'a>b', 'a|b', 'a"b']) {
      expect(problem(name), name).toBe('Een naam mag geen van deze tekens bevatten: < > : " | ? *');
    }
    for (const name of ['CON', 'con', 'Nul', 'PRN.concept', 'com1', 'LPT9', 'aux ']) {
      expect(problem(name), name).toMatch(/is een naam die Windows voor zichzelf gebruikt/);
    }
  });

  it('refuses names over 120 characters, or too many bytes for the file system', () => {
    expect(toDocumentFileName('r'.repeat(MAX_DOCUMENT_NAME_LENGTH)).name).toHaveLength(120);
    expect(problem('r'.repeat(121))).toBe(
      'Een naam mag hoogstens 120 tekens lang zijn; deze is 121 tekens.',
    );
    // 100 characters, but 400 bytes in UTF-8.
    expect(problem('🏛'.repeat(100))).toBe(
      'Deze naam is te lang voor het bestandssysteem; kies een kortere naam.',
    );
  });
});
