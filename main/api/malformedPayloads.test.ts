/**
 * Every API method against malformed payloads: wrong types, missing and unknown fields, each
 * field of the request mistyped in turn, and strings past every limit. Each must come back as
 * a clean `invalid_request` (or `payload_too_large`) with a Dutch message, without a crash, without reaching a handler,
 * and without a file written in the profile or documents folder.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_METHODS, apiContract } from '../../shared/api/contract.ts';
import { MAX_REQUEST_BYTES } from '../../shared/api/limits.ts';
import { handleRequest } from './handlers.ts';
import { createTestContext } from './testing/testContext.ts';

const test = createTestContext();
afterAll(() => test.remove());

// A string past every limit of the contract (MAX_REQUEST_BYTES is the largest).
const HUGE = 'A'.repeat(MAX_REQUEST_BYTES + 1);

const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  '../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  true,
  [],
  [{}],
  {},
  { nested: { deeper: [1, 2, 3] } },
  HUGE,
];

/** The payloads to throw at `method`: whole payloads, and each field of its request wrong. */
function malformedPayloads(method: (typeof API_METHODS)[number]): unknown[] {
  const request = apiContract[method].request;
  const payloads: unknown[] = [...WRONG_VALUES, { unknownField: 1 }];
  if (request instanceof z.ZodObject) {
    for (const key of Object.keys(request.shape)) {
      for (const value of WRONG_VALUES) payloads.push({ [key]: value });
    }
  }
  return payloads.filter((payload) => !request.safeParse(payload).success);
}

/** Every file below `dir` with its size and modification time. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(folder, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else out.push(`${path.relative(dir, full)} ${stat.size} ${stat.mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('every API method refuses malformed payloads cleanly', () => {
  it.each(API_METHODS)('%s', async (method) => {
    const before = listFiles(test.dir);
    const payloads = malformedPayloads(method);
    expect(payloads.length).toBeGreaterThan(WRONG_VALUES.length / 2);
    for (const payload of payloads) {
      const result = await handleRequest(method, payload, test.context);
      // Long strings cut before printing: stringifying the huge one each time is slow.
      const shown = String(
        JSON.stringify(payload, (_key, value: unknown) =>
          typeof value === 'string' ? value.slice(0, 40) : value,
        ),
      );
      expect(result.ok, `${method} ${shown}`).toBe(false);
      if (result.ok) continue;
      // Too large is its own refusal; anything else is a request that does not fit.
      expect(['invalid_request', 'payload_too_large'], `${method} ${shown}`).toContain(
        result.error.code,
      );
      // A sentence in Dutch for the user, not a stack trace or zod's English.
      expect(result.error.message).toMatch(/^[A-Z].*[.:]/s);
      expect(result.error.message).not.toMatch(/Expected|Invalid input|at \w+ \(/);
      expect(result.error.message.length).toBeLessThan(2_000);
    }
    expect(listFiles(test.dir)).toEqual(before);
    expect(test.reported).toEqual([]);
  });
});
