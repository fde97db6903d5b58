import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { apiContract } from './contract.ts';
import { describeRequestIssues } from './requestIssues.ts';

/** The error a request schema gives for `payload`, the way the handlers parse. */
function errorFor(schema: z.ZodType, payload: unknown) {
  const result = schema.safeParse(payload, { reportInput: true });
  if (result.success) throw new Error('expected a validation failure');
  return describeRequestIssues(result.error.issues);
}

const parseText = apiContract.parseText.request;

describe('describeRequestIssues', () => {
  it('names a missing field', () => {
    expect(errorFor(parseText, {})).toEqual({
      code: 'invalid_request',
      message: "Ongeldig verzoek: veld 'text' ontbreekt.",
    });
  });

  it('names a field of the wrong type and what it is', () => {
    expect(errorFor(parseText, { text: 42 }).message).toBe(
      "Ongeldig verzoek: veld 'text' moet een tekst zijn, maar is een getal.",
    );
    expect(errorFor(parseText, { text: null }).message).toBe(
      "Ongeldig verzoek: veld 'text' moet een tekst zijn, maar is leeg (null).",
    );
    expect(errorFor(parseText, { text: ['a'] }).message).toBe(
      "Ongeldig verzoek: veld 'text' moet een tekst zijn, maar is een lijst.",
    );
  });

  it('says the whole payload is missing or of the wrong kind', () => {
    expect(errorFor(parseText, undefined).message).toBe('Ongeldig verzoek: de inhoud ontbreekt.');
    expect(errorFor(parseText, 'tekst').message).toBe(
      'Ongeldig verzoek: het verzoek moet een object zijn, maar is een tekst.',
    );
  });

  it('names unknown fields', () => {
    expect(errorFor(parseText, { text: 'a', tekst: 'b' }).message).toBe(
      "Ongeldig verzoek: onbekend veld 'tekst'.",
    );
    expect(errorFor(apiContract.getAppInfo.request, { a: 1, b: 2 }).message).toBe(
      "Ongeldig verzoek: onbekende velden 'a', 'b'.",
    );
  });

  it('reports a text over its limit as too large, in megabytes', () => {
    expect(errorFor(parseText, { text: 'a'.repeat(2 * 1024 * 1024 + 1) })).toEqual({
      code: 'payload_too_large',
      message: "Verzoek te groot: veld 'text' is groter dan 2 MB.",
    });
  });

  it('names nested paths and caps the number of issues', () => {
    const schema = z.strictObject({
      a: z.strictObject({ b: z.array(z.string()) }),
      c: z.string(),
      d: z.string(),
      e: z.enum(['x', 'y']),
    });
    const message = errorFor(schema, { a: { b: ['ok', 1] }, e: 'z' }).message;
    expect(message).toBe(
      "Ongeldig verzoek: veld 'a.b[1]' moet een tekst zijn, maar is een getal; veld 'c' ontbreekt; veld 'd' ontbreekt; en nog 1 fout.",
    );
    expect(errorFor(z.strictObject({ e: z.enum(['x', 'y']) }), { e: 'z' }).message).toBe(
      "Ongeldig verzoek: veld 'e' heeft een ongeldige waarde (toegestaan: 'x', 'y').",
    );
  });
});
