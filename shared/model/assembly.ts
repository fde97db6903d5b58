/**
 * The assembly a stuk is for when nobody named one. The template, the text import, the
 * preamble line, the exports and the print all fall back to this one value, so that no two of
 * them can name a different meeting for the same document.
 */

/** The assembly of a stuk that names none: "De leden bijeen in de ALV van …:". */
export const DEFAULT_ASSEMBLY = 'ALV';

/**
 * The assembly as the preamble names it: `assembly` without the white space at its ends, or
 * {@link DEFAULT_ASSEMBLY} when nothing is left. The attribute may hold a blank name (typed or
 * merged); the sentence "De leden bijeen in de  van" must never be printed.
 */
export function getAssemblyName(assembly: string): string {
  return assembly.trim() || DEFAULT_ASSEMBLY;
}
