/**
 * The Bestand menu's amendment commands for the desktop app's native menu, read from the
 * section "Amendementen" the window's own Bestand menu shows (`useAmendments().menuSection`):
 * which can be chosen now and what each does. Read from that section, not worked out again, so
 * the native menu and the page's menu cannot disagree about who may do what (a lezer, a
 * voorsteller, a member drafting).
 */
import { AMENDMENT_COMMANDS, type AmendmentCommand } from '../../shared/api/menuCommands.ts';

/** An entry of the page's menu, as far as the native menu needs it. */
export interface AmendmentMenuEntry {
  id: string;
  disabled?: boolean;
  onSelect: () => void;
}

/** The id of each command's entry in the page's Bestand menu. */
export const AMENDMENT_ENTRY_IDS: Record<AmendmentCommand, string> = {
  showAmendments: 'amendments',
  createAmendment: 'createAmendment',
  addAmendment: 'addAmendment',
  amendedPdf: 'amendedPdf',
  advicesPdf: 'advicesPdf',
  procedureOverview: 'procedureOverview',
};

/** Which amendment commands can be chosen, and what each does. */
export interface AmendmentMenu {
  enabled: Record<AmendmentCommand, boolean>;
  actions: Record<AmendmentCommand, () => void>;
}

/**
 * The amendment commands of `entries` (the page's section). A command whose entry is missing
 * or disabled is off, and its action does nothing: a message that crossed a change of state
 * runs nothing the page's menu would not.
 */
export function readAmendmentMenu(entries: readonly AmendmentMenuEntry[]): AmendmentMenu {
  const enabled = {} as Record<AmendmentCommand, boolean>;
  const actions = {} as Record<AmendmentCommand, () => void>;
  for (const command of AMENDMENT_COMMANDS) {
    const entry = entries.find((candidate) => candidate.id === AMENDMENT_ENTRY_IDS[command]);
    const usable = entry !== undefined && entry.disabled !== true;
    enabled[command] = usable;
    actions[command] = usable ? entry.onSelect : () => {};
  }
  return { enabled, actions };
}
