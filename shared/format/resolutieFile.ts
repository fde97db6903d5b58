/**
 * The .resolutie file: one JSON text per document, to keep and to send by e-mail. It holds the
 * full Yjs state (the source of truth: history, later suggestions and versions, offline edits
 * that merge into a session) and, for people and other tools, a readable copy: metadata, the
 * text as it reads, and the ProseMirror JSON. The layout is documented in docs/FORMAT.md.
 *
 * This module turns bytes into the envelope and back, and decides what is not a resolutie,
 * what is damaged and what is too new. It knows nothing of Yjs: the state is bytes here.
 */
import { decodeBase64, encodeBase64 } from './base64.ts';
import { FileFormatError } from './formatErrors.ts';

/** The `format` value every .resolutie file carries. */
export const RESOLUTIE_FORMAT = 'resolutie';
/** The newest format this version writes and reads. Older ones are migrated on reading. */
export const RESOLUTIE_FORMAT_VERSION = 1;
/** The file name extension, dot included. */
export const RESOLUTIE_EXTENSION = '.resolutie';
/** Files larger than this are refused before reading (a year of drafting is far smaller). */
export const MAX_RESOLUTIE_FILE_BYTES = 64 * 1024 * 1024;

/** What a .resolutie file holds, decoded. */
export interface ResolutieEnvelope {
  formatVersion: number;
  /** ISO time of the save. */
  savedAt: string;
  savedBy: { app: string; version: string };
  /** Readable copies, written on every save and never read back as the truth. */
  metadata: Record<string, unknown>;
  text: string;
  document: unknown;
  /** The Yjs state: Y.encodeStateAsUpdate of the document's Y.Doc. */
  yjsState: Uint8Array;
}

/** Encodes an envelope as the bytes of a .resolutie file (UTF-8 JSON, indented). */
export function encodeResolutieFile(
  envelope: Omit<ResolutieEnvelope, 'formatVersion'>,
): Uint8Array {
  const json = {
    format: RESOLUTIE_FORMAT,
    formatVersion: RESOLUTIE_FORMAT_VERSION,
    savedAt: envelope.savedAt,
    savedBy: envelope.savedBy,
    metadata: envelope.metadata,
    text: envelope.text,
    document: envelope.document,
    // Last, so that a person opening the file sees the text before the binary state.
    yjs: { encoding: 'base64', state: encodeBase64(envelope.yjsState) },
  };
  return new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`);
}

/** Decodes the bytes of a .resolutie file; throws FileFormatError with a Dutch message. */
export function decodeResolutieFile(bytes: Uint8Array): ResolutieEnvelope {
  if (bytes.length === 0) throw new FileFormatError('empty', 'Het bestand is leeg.');
  if (bytes.length > MAX_RESOLUTIE_FILE_BYTES) {
    throw new FileFormatError('corrupt', 'Het bestand is te groot voor een resolutie.');
  }
  // Our files start with {"format": "resolutie" …; such a file that does not decode or parse
  // was cut off or damaged (a broken download or attachment), which is not a foreign file.
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 200));
  const looksOurs = /^\s*\{\s*"format"\s*:\s*"resolutie"/.test(head);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    if (looksOurs) {
      throw new FileFormatError(
        'corrupt',
        'Het bestand is beschadigd of onvolledig, bijvoorbeeld afgebroken bij het versturen.',
      );
    }
    throw notResolutie();
  }
  if (!isRecord(json) || json.format !== RESOLUTIE_FORMAT) throw notResolutie();
  const version = json.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FileFormatError('corrupt', 'Het bestand heeft geen geldige formaatversie.');
  }
  if (version > RESOLUTIE_FORMAT_VERSION) {
    throw new FileFormatError(
      'too_new',
      `Dit bestand is gemaakt met een nieuwere versie van de Resolutie-editor (formaat ${version}); ` +
        `deze versie leest tot en met formaat ${RESOLUTIE_FORMAT_VERSION}. Werk de editor bij om het te openen.`,
    );
  }
  return readVersion1(migrate(json, version));
}

// Each step turns a file of version n into version n + 1. There is no older version than 1
// yet; the next format change adds its step here, and older files keep opening.
const MIGRATIONS: Record<number, (json: Record<string, unknown>) => Record<string, unknown>> = {};

function migrate(json: Record<string, unknown>, from: number): Record<string, unknown> {
  let current = json;
  for (let version = from; version < RESOLUTIE_FORMAT_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new FileFormatError('corrupt', `Formaat ${version} kan niet worden omgezet.`);
    current = step(current);
  }
  return current;
}

function readVersion1(json: Record<string, unknown>): ResolutieEnvelope {
  const yjs = json.yjs;
  if (!isRecord(yjs) || yjs.encoding !== 'base64' || typeof yjs.state !== 'string') {
    throw new FileFormatError(
      'corrupt',
      'Het bestand mist de bewerkingsgeschiedenis van het stuk.',
    );
  }
  const state = decodeBase64(yjs.state);
  if (!state || state.length === 0) {
    throw new FileFormatError('corrupt', 'De bewerkingsgeschiedenis in het bestand is beschadigd.');
  }
  const savedBy = isRecord(json.savedBy) ? json.savedBy : {};
  return {
    formatVersion: RESOLUTIE_FORMAT_VERSION,
    savedAt: typeof json.savedAt === 'string' ? json.savedAt : '',
    savedBy: {
      app: typeof savedBy.app === 'string' ? savedBy.app : '',
      version: typeof savedBy.version === 'string' ? savedBy.version : '',
    },
    metadata: isRecord(json.metadata) ? json.metadata : {},
    text: typeof json.text === 'string' ? json.text : '',
    document: json.document ?? null,
    yjsState: state,
  };
}

function notResolutie(): FileFormatError {
  return new FileFormatError(
    'not_resolutie',
    'Dit is geen resolutie-bestand. Open een bestand dat met de Resolutie-editor is opgeslagen (.resolutie); tekst leest u in met Importeren… (in de app) of resolutie import.',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
