/** Dutch texts of the editor surface: placeholders and the names screen readers announce. */

export const PLACEHOLDERS = {
  title: 'Titel van het stuk',
  recital: 'Typ een overweging…',
  operative: 'Typ een punt van het dictum…',
  subitem: 'Typ een subpunt…',
  explanation: 'Licht het stuk hier toe…',
} as const;

export const EDITOR_LABELS = {
  editor: 'Tekst van het stuk',
  kind: 'Soort stuk',
  assembly: 'Vergadering',
  date: 'Datum van de vergadering',
  blockHeading: 'Kop van het blok',
  moveUp: 'Blok omhoog',
  moveDown: 'Blok omlaag',
  removeBlock: 'Blok verwijderen',
  addRecitalBlock: 'Blok overwegingen toevoegen',
  addOperativeBlock: 'Blok dictum toevoegen',
  addItem: 'Punt toevoegen',
  startExplanation: 'Toelichting schrijven',
  footnote: (n: number, text: string) => `Voetnoot ${n}: ${text}`,
  editFootnote: 'Tekst van de voetnoot',
} as const;
