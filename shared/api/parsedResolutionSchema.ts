import { z } from 'zod';
import type { ParsedResolution } from '../model/resolution.ts';

/**
 * Response schema of `parseText`. The parser is ours and its result type is checked by the
 * compiler, so at run time a structural check of the outline is enough: it catches a transport
 * that delivered something else (an HTML error page, a truncated object) without walking and
 * re-validating every inline run of a long document.
 */
export const parsedResolutionSchema = z.custom<ParsedResolution>(isParsedResolutionOutline, {
  message: 'Het antwoord is geen ingelezen resolutie.',
});

/** Whether `value` has the outline of a {@link ParsedResolution}. */
export function isParsedResolutionOutline(value: unknown): value is ParsedResolution {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return (
    isNullableString(candidate['kind']) &&
    isNullableString(candidate['status']) &&
    isNullableString(candidate['title']) &&
    (candidate['preamble'] === null || typeof candidate['preamble'] === 'object') &&
    Array.isArray(candidate['blocks']) &&
    candidate['blocks'].every(isBlockOutline) &&
    Array.isArray(candidate['explanation'])
  );
}

function isNullableString(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

function isBlockOutline(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const block = value as Record<string, unknown>;
  return (
    (block['type'] === 'recital' || block['type'] === 'operative') &&
    typeof block['heading'] === 'string' &&
    Array.isArray(block['items'])
  );
}
