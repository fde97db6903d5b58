/**
 * The keyboard shortcuts the help page lists, in ProseMirror's notation ("Mod-Shift-e"),
 * written for the platform by `formatShortcut`. The editing keys are checked against the
 * editor's own keymap by a test, so the page cannot promise a key that does nothing.
 */

/** One shortcut: its keys (alternatives) and what it does, in Dutch. */
export interface HelpShortcut {
  keys: string[];
  action: string;
}

/** Shortcuts under a heading. */
export interface HelpShortcutGroup {
  title: string;
  shortcuts: HelpShortcut[];
}

/** Keys of the editor's keymap (`shared/editor/keymap.ts`), as the help page lists them. */
export const EDITOR_SHORTCUTS: HelpShortcutGroup[] = [
  {
    title: 'Schrijven in een punt',
    shortcuts: [
      {
        keys: ['Enter'],
        action: 'Volgend punt; in een leeg laatste punt: naar het volgende blok of de Toelichting',
      },
      { keys: ['Shift-Enter'], action: 'Nieuwe regel binnen hetzelfde punt' },
      {
        keys: ['Backspace'],
        action: 'Aan het begin van een punt: samenvoegen met het punt erboven',
      },
      { keys: ['Tab'], action: 'Subpunt maken (a, b, c)' },
      { keys: ['Shift-Tab'], action: 'Weer een gewoon, genummerd punt' },
    ],
  },
  {
    title: 'Opmaak en ongedaan maken',
    shortcuts: [
      { keys: ['Mod-b'], action: 'Vet' },
      { keys: ['Mod-i'], action: 'Cursief' },
      { keys: ['Mod-u'], action: 'Onderstrepen' },
      { keys: ['Mod-z'], action: 'Ongedaan maken (alleen uw eigen wijzigingen)' },
      { keys: ['Mod-Shift-z', 'Mod-y'], action: 'Opnieuw' },
    ],
  },
];

/** Keys of the window: the header, the toolbar, the changes and the comments panel. */
export const WINDOW_SHORTCUTS: HelpShortcutGroup[] = [
  {
    title: 'Documenten',
    shortcuts: [
      {
        keys: ['Mod-n'],
        action: 'Nieuw document (in de desktopapp; in de browser: de knop Nieuw…)',
      },
      { keys: ['Mod-o'], action: 'Openen' },
      { keys: ['Mod-s'], action: 'Opslaan' },
      { keys: ['Mod-Shift-s'], action: 'Opslaan als' },
      { keys: ['Mod-p'], action: 'Afdrukvoorbeeld' },
      { keys: ['Mod-Shift-p'], action: 'Afdrukken op papier (in de desktopapp)' },
      { keys: ['Mod-Shift-n'], action: 'Nieuw venster (in de desktopapp)' },
    ],
  },
  {
    title: 'Links',
    shortcuts: [{ keys: ['Mod-Klik'], action: 'Link openen in de webbrowser' }],
  },
  {
    title: 'Verwijzingen',
    shortcuts: [
      { keys: ['Mod-Shift-k'], action: 'Verwijzing invoegen' },
      { keys: ['Mod-Klik'], action: 'Naar het onderdeel gaan waarnaar een verwijzing wijst' },
      {
        keys: ['Enter'],
        action: 'Na het typen van bijvoorbeeld "punt 3": de voorgestelde verwijzing invoegen',
      },
    ],
  },
  {
    title: 'Wijzigingen',
    shortcuts: [
      { keys: ['Mod-Shift-e'], action: 'Wijzigingen bijhouden aan of uit' },
      { keys: ['Alt-PageDown'], action: 'Naar de volgende wijziging' },
      { keys: ['Alt-PageUp'], action: 'Naar de vorige wijziging' },
    ],
  },
  {
    title: 'Opmerkingen',
    shortcuts: [
      { keys: ['Mod-Alt-m'], action: 'Opmerking bij de geselecteerde tekst' },
      { keys: ['Mod-Enter'], action: 'In een opmerking: plaatsen' },
      { keys: ['Escape'], action: 'In een opmerking: annuleren' },
    ],
  },
  {
    title: 'Help',
    shortcuts: [{ keys: ['F1'], action: 'Deze hulp openen' }],
  },
];
