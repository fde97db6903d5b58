import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from './handlers.ts';
import { expectError, value } from './testing/apiResults.ts';
import { createTestContext, type TestContext } from './testing/testContext.ts';

let test: TestContext;
beforeEach(() => {
  test = createTestContext();
});
afterEach(async () => {
  await test.remove();
});

describe('getPreferences and setPreferences', () => {
  it('answer the defaults, then what the user stored, across contexts of the profile', async () => {
    const initial = value<{ userName: string }>(
      await handleRequest('getPreferences', undefined, test.context),
    );
    expect(initial.userName.length).toBeGreaterThan(0);
    const stored = { userName: 'Fatima El Amrani', userColour: '#7a3e9d' };
    expect(value(await handleRequest('setPreferences', stored, test.context))).toEqual(stored);
    const again = createTestContext({ profileDir: test.profileDir });
    try {
      expect(value(await handleRequest('getPreferences', undefined, again.context))).toEqual(
        stored,
      );
    } finally {
      await again.remove();
    }
  });

  it('refuse a name that is too long or a colour that is not one', async () => {
    const long = { userName: 'x'.repeat(61), userColour: '#7a3e9d' };
    expectError(await handleRequest('setPreferences', long, test.context), 'payload_too_large');
    const script = { userName: 'Jan', userColour: 'url(javascript:alert(1))' };
    expectError(await handleRequest('setPreferences', script, test.context), 'invalid_request');
  });
});
