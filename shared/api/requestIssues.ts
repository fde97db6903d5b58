/**
 * Turns zod's validation issues into one Dutch sentence a user can read, such as
 * "Ongeldig verzoek: veld 'text' ontbreekt." Zod's own messages are English and name types the
 * way a programmer does; these name fields and say what is wrong with them.
 */
import type { z } from 'zod';
import type { ApiErrorInfo } from './errors.ts';
import { formatByteSize } from './limits.ts';
import { BASE64_ORIGIN, UTF8_ORIGIN } from './payloads.ts';

/** At most this many issues are named in one message; the first few say enough. */
const MAX_ISSUES_NAMED = 3;

/**
 * The error for a request that failed validation: `payload_too_large` when something is over
 * its limit (the user must shorten it, not correct it), otherwise `invalid_request`.
 * Parse with `reportInput: true`, or a wrong value cannot be told from a missing one.
 */
export function describeRequestIssues(issues: readonly z.core.$ZodIssue[]): ApiErrorInfo {
  const tooBig = issues.filter((issue) => issue.code === 'too_big');
  if (tooBig.length > 0) {
    return { code: 'payload_too_large', message: `Verzoek te groot: ${joinIssues(tooBig)}.` };
  }
  return { code: 'invalid_request', message: `Ongeldig verzoek: ${joinIssues(issues)}.` };
}

function joinIssues(issues: readonly z.core.$ZodIssue[]): string {
  const named = issues.slice(0, MAX_ISSUES_NAMED).map(describeIssue);
  const rest = issues.length - named.length;
  if (rest > 0) named.push(`en nog ${rest} ${rest === 1 ? 'fout' : 'fouten'}`);
  return named.join('; ');
}

/** One issue as a clause: "veld 'text' ontbreekt". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const subject = describePath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return issue.path.length === 0 ? 'de inhoud ontbreekt' : `${subject} ontbreekt`;
      }
      return `${subject} moet ${describeExpectedType(issue.expected)} zijn, maar is ${describeValueType(issue.input)}`;
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `'${key}'`).join(', ');
      const noun = issue.keys.length === 1 ? 'onbekend veld' : 'onbekende velden';
      return issue.path.length === 0 ? `${noun} ${keys}` : `${noun} ${keys} in ${subject}`;
    }
    case 'too_big':
      return `${subject} ${describeMaximum(issue.origin, Number(issue.maximum))}`;
    case 'too_small':
      return `${subject} ${describeMinimum(issue.origin, Number(issue.minimum))}`;
    case 'invalid_value':
      return `${subject} heeft een ongeldige waarde (toegestaan: ${issue.values.map((value) => `'${String(value)}'`).join(', ')})`;
    case 'invalid_format':
      return `${subject} ${describeFormat(issue.format)}`;
    case 'invalid_union':
      return `${subject} heeft een ongeldige vorm`;
    default:
      return `${subject} is ongeldig`;
  }
}

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'het verzoek';
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`;
    else name += name === '' ? String(key) : `.${String(key)}`;
  }
  return `veld '${name}'`;
}

function describeExpectedType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'een tekst';
    case 'number':
    case 'int':
      return 'een getal';
    case 'boolean':
      return 'waar of onwaar';
    case 'array':
    case 'tuple':
      return 'een lijst';
    case 'object':
    case 'record':
      return 'een object';
    case 'null':
      return 'leeg (null)';
    case 'undefined':
      return 'afwezig';
    default:
      return `van het type ${expected}`;
  }
}

function describeValueType(value: unknown): string {
  if (value === null) return 'leeg (null)';
  if (Array.isArray(value)) return 'een lijst';
  switch (typeof value) {
    case 'string':
      return 'een tekst';
    case 'number':
    case 'bigint':
      return 'een getal';
    case 'boolean':
      return 'waar of onwaar';
    case 'object':
      return 'een object';
    default:
      return `van het type ${typeof value}`;
  }
}

function describeMaximum(origin: string, maximum: number): string {
  switch (origin) {
    case UTF8_ORIGIN:
    case BASE64_ORIGIN:
      return `is groter dan ${formatByteSize(maximum)}`;
    case 'string':
      return `is langer dan ${maximum} tekens`;
    case 'array':
    case 'set':
      return `bevat meer dan ${maximum} elementen`;
    default:
      return `is groter dan ${maximum}`;
  }
}

function describeFormat(format: string): string {
  switch (format) {
    case 'base64':
      return 'is geen geldige base64-tekst';
    case 'uuid':
      return 'is geen geldige UUID (versie 4, in kleine letters)';
    case 'datetime':
      return 'is geen geldig tijdstip';
    default:
      return 'heeft een ongeldige opmaak';
  }
}

function describeMinimum(origin: string, minimum: number): string {
  switch (origin) {
    case 'string':
      return minimum <= 1 ? 'is leeg' : `is korter dan ${minimum} tekens`;
    case 'array':
    case 'set':
      return minimum <= 1 ? 'is leeg' : `bevat minder dan ${minimum} elementen`;
    default:
      return `is kleiner dan ${minimum}`;
  }
}
