/**
 * What the amendments panel, the Bestand menu and a file dropped on the window ask the window
 * to open: the dialogs of the procedure (AmendmentDialogs.tsx shows them), and who asks, as the
 * panel offers its controls to them.
 */

/** A dialog of the procedure, and the amendment it is about. */
export type AmendmentDialogRequest =
  | { type: 'create' }
  /** "Motie indienen…": the open document is a motie, submitted as its own. */
  | { type: 'submitMotion' }
  /** "Amendement toevoegen…"; `file` when one was dropped on the window. */
  | { type: 'add'; file?: File }
  | { type: 'advice'; id: string }
  | { type: 'decision'; id: string }
  | { type: 'withdraw'; id: string }
  /** "ALV-overzicht…": the bestuur's overview of the stukken of the open stuk's ALV. */
  | { type: 'overview' };

/**
 * Who uses the panel: the bestuur (a redacteur, or anyone outside a session) records preadvies
 * and besluit and adds amendments from files; a voorsteller makes and submits their own; a
 * lezer reads.
 */
export type ProcedureRole = 'bestuur' | 'voorsteller' | 'lezer';
