import { describe, expect, it } from 'vitest';
import { encodeEndNotice, isEndNotice } from './endNotice.ts';
import { encodeStoreNotice } from './storeNotice.ts';

describe('the notice that the host ended the session', () => {
  it('is read back, and nothing else passes for it', () => {
    expect(isEndNotice(encodeEndNotice())).toBe(true);
    expect(isEndNotice(encodeStoreNotice({ stored: false }))).toBe(false);
    expect(isEndNotice('{"kind":"resolutie-sessie"}')).toBe(false);
    expect(isEndNotice('niet json')).toBe(false);
    expect(isEndNotice('null')).toBe(false);
    expect(isEndNotice(`{"kind":"resolutie-sessie-beeindigd","x":"${'a'.repeat(300)}"}`)).toBe(
      false,
    );
  });
});
