/** The command line's help, in Dutch like the rest of the app. */
export const HELP_TEXT = `Gebruik: resolutie <opdracht> [opties]

Opdrachten:
  import TEKST.txt -o UIT.resolutie      Een resolutie als platte tekst (uit Word of een
                                         tekstbestand) structureren en als document opslaan.
                                         Een bestaand document wordt niet overschreven,
                                         tenzij met --force.
  show DOCUMENT.resolutie                De tekst tonen zoals een lezer hem ziet, met nummering.
  export DOCUMENT.resolutie --pdf UIT.pdf
                                         Het stuk als PDF (A4, doorzoekbaar en toegankelijk,
                                         met CONCEPT-watermerk zolang het een concept is).
                                         Gebruikt Chromium of Chrome (RESOLUTIE_CHROMIUM wijst
                                         er een aan).
  bundle A.resolutie B.resolutie … --pdf UIT.pdf [--title "Stukken Najaars ALV 2024"]
                                         De stukken voor een vergadering in één PDF: een
                                         voorblad, een inhoudsopgave met paginanummers en elk
                                         stuk op een nieuwe pagina, in de gegeven volgorde.
                                         Zonder --title heet de bundel "Stukken" met de naam
                                         van de vergadering.
  export DOCUMENT.resolutie --json UIT.json
                                         Het document als gestructureerde JSON wegschrijven
                                         (metadata, blokken met genummerde punten, Toelichting).

Opties:
  -o, --output BESTAND   Uitvoerbestand (import).
      --json BESTAND     JSON-uitvoer (export).
      --pdf BESTAND      PDF-uitvoer (export, bundle).
      --title TITEL      Titel van de bundel (bundle).
  -f, --force            Een bestaand document overschrijven (import).
  -h, --help             Deze hulp.
  -v, --version          De versie van de Resolutie-editor.

Foutmeldingen staan op één regel; bij een fout is de afsluitcode 1 (2 bij verkeerde
argumenten). De indeling van .resolutie en van de JSON staat in docs/FORMAT.md.
`;
