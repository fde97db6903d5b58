import { describe, expect, it } from 'vitest';
import { getLaunchDocument, withLaunchDocument } from './launchDocument.ts';

describe('the launch document in a window’s address', () => {
  it('carries any path there and back, spaces, accents and Windows paths included', () => {
    for (const documentPath of [
      '/home/auteur/Documenten/Resoluties/Motie jeugdzorg.resolutie',
      'C:\\Users\\Bewerker\\Documents\\Resolutie “Wonen” & zorg #2.resolutie',
      '/tmp/één?x=1.resolutie',
    ]) {
      const url = withLaunchDocument('app://resolutie/index.html', documentPath);
      expect(url.startsWith('app://resolutie/index.html?document=')).toBe(true);
      expect(getLaunchDocument(new URL(url).search)).toBe(documentPath);
    }
  });

  it('is absent from an ordinary address, and refuses an empty or broken one', () => {
    expect(getLaunchDocument('')).toBeNull();
    expect(getLaunchDocument('?x=1')).toBeNull();
    expect(getLaunchDocument('?document=')).toBeNull();
    expect(getLaunchDocument('?document=%00')).toBeNull();
  });
});
