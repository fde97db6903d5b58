/** Reading API results in tests: the value of a success, the message of an expected error. */
import { expect } from 'vitest';
import type { ApiResult } from '../../../shared/api/result.ts';

/** The value of a successful result; fails the test with the error otherwise. */
export function value<T = Record<string, unknown>>(result: ApiResult): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Asserts an error result with `code` and returns its (Dutch) message. */
export function expectError(result: ApiResult, code: string): string {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  return result.error.message;
}
