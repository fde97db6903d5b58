/**
 * Names for new documents ("Opslaan als"): what the user typed becomes a file name in the
 * documents folder, or is refused with a Dutch message saying why. The rules keep a name a
 * plain file name on every platform, since documents travel by e-mail between Windows, macOS
 * and Linux: no folders, no hidden files, nothing Windows refuses.
 */
import { RESOLUTIE_EXTENSION } from '../../../shared/format/resolutieFile.ts';
import { getUtf8ByteLength } from '../../../shared/api/limits.ts';
import { DocumentError } from './documentErrors.ts';

/** The longest name, in characters, without the extension. */
export const MAX_DOCUMENT_NAME_LENGTH = 120;

// Most file systems allow 255 bytes per name; 120 characters of a non-Latin script can be more.
const MAX_FILE_NAME_BYTES = 255;

// Characters Windows does not allow in a file name (besides the separators and controls).
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;

// Device names Windows reserves, also with an extension ("CON.resolutie" is the console).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** A checked name: as shown to the user, and as a file name. */
export interface DocumentFileName {
  /** The name without extension. */
  name: string;
  /** The name with `.resolutie`. */
  fileName: string;
}

/**
 * Turns what the user typed into a file name: trimmed, in Unicode NFC (so that the same name
 * typed on macOS and Windows is the same file), with `.resolutie` added when it is missing.
 * Throws a `DocumentError` with code `invalid_name` and a Dutch message otherwise.
 */
export function toDocumentFileName(input: string): DocumentFileName {
  let name = input.normalize('NFC').trim();
  if (name.toLowerCase().endsWith(RESOLUTIE_EXTENSION)) {
    name = name.slice(0, -RESOLUTIE_EXTENSION.length).trimEnd();
  }
  const problem = findNameProblem(name);
  if (problem !== null) throw new DocumentError('invalid_name', problem);
  return { name, fileName: `${name}${RESOLUTIE_EXTENSION}` };
}

/** What is wrong with a name (without extension), or null. */
function findNameProblem(name: string): string | null {
  if (name === '') return 'Geef het document een naam.';
  if (hasControlCharacter(name)) {
    return 'Een naam mag geen regeleinden, tabs of andere onzichtbare tekens bevatten.';
  }
  if (name.includes('/') || name.includes('\\')) {
    return 'Een naam mag geen / of \\ bevatten: het document komt altijd in de documentenmap.';
  }
  if (name.includes('..')) return 'Een naam mag geen twee punten achter elkaar (..) bevatten.';
  if (WINDOWS_FORBIDDEN.test(name)) {
    return 'Een naam mag geen van deze tekens bevatten: < > : " | ? *';
  }
  if (name.startsWith('.')) return 'Een naam mag niet met een punt beginnen.';
  // Windows drops a trailing dot, so "Motie." and "Motie" would be the same file there.
  if (name.endsWith('.')) return 'Een naam mag niet op een punt eindigen.';
  const device = name.split('.', 1)[0]!.trimEnd();
  if (WINDOWS_RESERVED.test(device)) {
    return `‘${device}’ is een naam die Windows voor zichzelf gebruikt; kies een andere naam.`;
  }
  const length = [...name].length;
  if (length > MAX_DOCUMENT_NAME_LENGTH) {
    return `Een naam mag hoogstens ${MAX_DOCUMENT_NAME_LENGTH} tekens lang zijn; deze is ${length} tekens.`;
  }
  if (getUtf8ByteLength(name + RESOLUTIE_EXTENSION) > MAX_FILE_NAME_BYTES) {
    return 'Deze naam is te lang voor het bestandssysteem; kies een kortere naam.';
  }
  return null;
}

/** Whether `text` holds a C0 or C1 control character (line breaks and tabs included). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
