/**
 * What the Electron shell does around documents, as plain decisions it can test in Node: which
 * answers name a file for the system's list of recent documents, and the question asked when
 * a window with unsaved changes is closed.
 */
import type { ApiResult } from '../../shared/api/result.ts';

/** Methods whose successful answer names a file the user opened or saved. */
const FILE_METHODS = new Set(['openDocument', 'saveDocument']);

/** The file to add to the system's recent documents after `method` answered `result`. */
export function getRecentDocumentPath(method: string, result: ApiResult): string | null {
  if (!FILE_METHODS.has(method) || !result.ok) return null;
  const value = result.value as { path?: unknown } | null;
  return typeof value?.path === 'string' ? value.path : null;
}

/** The native question when a window with unsaved changes closes; button 0 closes anyway. */
export const UNSAVED_CLOSE_PROMPT = {
  type: 'question' as const,
  buttons: ['Sluiten zonder opslaan', 'Annuleren'],
  defaultId: 1,
  cancelId: 1,
  title: 'Niet-opgeslagen wijzigingen',
  message: 'Dit document heeft wijzigingen die nog niet zijn opgeslagen.',
  detail:
    'Sluit u het venster, dan blijven de wijzigingen bewaard in het herstelbestand en biedt de editor ze de volgende keer aan. Kies Annuleren om eerst op te slaan.',
};
