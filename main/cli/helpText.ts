/** The command line's help, in Dutch like the rest of the app. */
export const HELP_TEXT = `Gebruik: resolutie <opdracht> [opties]

Opdrachten:
  import TEKST.txt -o UIT.resolutie      Een resolutie als platte tekst (uit Word of een
                                         tekstbestand) structureren en als document opslaan.
                                         Een bestaand document wordt niet overschreven,
                                         tenzij met --force.
  import STUK.docx -o UIT.resolutie      Een Word-document importeren: Word-nummering en
                                         stijlen geven de opbouw, bijgehouden wijzigingen
                                         worden voorstellen, opmerkingen blijven opmerkingen.
                                         Vijandige bestanden (zip-bom, macro's, DOCTYPE,
                                         versleuteld) worden geweigerd.
  show DOCUMENT.resolutie [--comments]   De tekst tonen zoals een lezer hem ziet, met nummering;
                                         met --comments daarna de opmerkingen.
  check DOCUMENT.resolutie               De controle van het stuk: elke bevinding op een regel
                                         met haar plaats ("Spreekt uit, punt 2: …"), zoals het
                                         paneel Controle ze toont: einde van overwegingen en
                                         punten, lege punten en blokken, een stuk zonder
                                         besluit, datums die niet bestaan of niet bij hun
                                         weekdag passen, de aanhef, verwijzingen die nergens
                                         heen wijzen, dubbele zinnen, haakjes en
                                         aanhalingstekens, definitief met open voorstellen,
                                         en amendementen waarvan de tekst sindsdien is
                                         gewijzigd. Genegeerde bevindingen worden alleen
                                         geteld. Afsluitcode 0 zonder bevindingen, 1 met
                                         bevindingen, 2 als het stuk niet te lezen is.
  export DOCUMENT.resolutie --pdf UIT.pdf [--changes shown|hidden] [--version NAAM]
         [--comments] [--pdfa]
                                         Het stuk als PDF (A4, doorzoekbaar en toegankelijk,
                                         met CONCEPT-watermerk zolang het een concept is).
                                         Openstaande wijzigingen zijn standaard verborgen: het
                                         stuk zoals het luidt als ze alle aanvaard zijn. Met
                                         --changes shown staan ze erin (toegevoegd dubbel
                                         onderstreept, geschrapt doorgehaald) met een legenda.
                                         Met --version een vastgelegde versie in plaats van
                                         de huidige tekst (ook bij --json). Met --comments
                                         een bijlage "Opmerkingen": elke draad met de tekst
                                         waarover hij gaat. Met --pdfa als PDF/A-2b, voor
                                         het archief.
                                         Gebruikt Chromium of Chrome (RESOLUTIE_CHROMIUM wijst
                                         er een aan). Bij een definitief stuk met bevindingen
                                         van de controle volgt een waarschuwing (ook bij
                                         --json, --akn en --docx); de export gaat door.
  export DOCUMENT.resolutie --pdf UIT.pdf --amendement A1
                                         Een amendement op de resolutie als stuk in de vaste
                                         vorm: "Amendement A1 van de gemeente …", de
                                         wijzigingen ("in punt 3 onder ‘Spreekt uit’ … te
                                         vervangen door …"), de toelichting, en zodra ze er
                                         zijn het preadvies en het besluit met de stemming.
  export DOCUMENT.resolutie --pdf UIT.pdf --geamendeerd
                                         De resolutie zoals geamendeerd: met de aangenomen
                                         amendementen verwerkt en hun nummer in de kantlijn;
                                         voorstellen die niet zijn aangenomen staan er niet in.
  bundle A.resolutie B.resolutie … --pdf UIT.pdf [--title "Stukken Najaars ALV 2024"]
                                         De stukken voor een vergadering in één PDF: een
                                         voorblad, een inhoudsopgave met paginanummers en elk
                                         stuk op een nieuwe pagina, in de gegeven volgorde;
                                         de ingediende amendementen van een resolutie elk op
                                         een eigen pagina erna. Een amendementbestand van een
                                         lid komt bij zijn resolutie als die in de bundel zit.
                                         Zonder --title heet de bundel "Stukken" met de naam
                                         van de vergadering.
  amendments RESOLUTIE.resolutie [AMENDEMENT.resolutie …] [--toevoegen] [--hernummeren]
         [--json]
                                         De amendementen (en moties) van het stuk, één per
                                         regel: nummer, indiener, status, preadvies, stemming,
                                         plaatsen waar de tekst sindsdien is gewijzigd, en
                                         amendementen die dezelfde tekst wijzigen. Met
                                         amendementbestanden van leden: of elk bij deze
                                         resolutie past; met --toevoegen worden ze in de
                                         resolutie opgenomen (niets als er één niet past).
                                         Een bezet nummer past niet, tenzij met --hernummeren:
                                         dan krijgt het amendement het volgende vrije nummer.
                                         Met --json de procedure als JSON.
  preadviezen STUK.resolutie … --pdf UIT.pdf
                                         De preadviezen van het bestuur als overzicht: per
                                         resolutie een tabel van de amendementen, daarna de
                                         moties, met indieners, onderwerp, preadvies en de
                                         motivering ervan, en de status of uitkomst.
  export DOCUMENT.resolutie --json UIT.json
                                         Het document als gestructureerde JSON wegschrijven
                                         (metadata, blokken met genummerde punten, Toelichting,
                                         en de procedure: amendementen en moties met status,
                                         preadvies, besluit en hun wijzigingen).
  export DOCUMENT.resolutie --akn UIT.xml
                                         Het stuk als Akoma Ntoso 3.0 (XML volgens de OASIS-
                                         standaard, zoals LEOS die leest): titel, aanhef,
                                         overwegingen, besluitpunten, voetnoten en Toelichting,
                                         met openstaande wijzigingen aanvaard. Met
                                         --amendement A1 dat amendement als AKN-amendement,
                                         dat naar de resolutie verwijst.
  export DOCUMENT.resolutie --docx UIT.docx [--changes shown|hidden] [--version NAAM]
         [--comments]
                                         Het stuk als Word-document: kopjes als stijlen,
                                         punten als Word-nummering per blok, voetnoten als
                                         Word-voetnoten. Openstaande wijzigingen aanvaard, of
                                         met --changes shown als bijgehouden wijzigingen
                                         (auteur en datum); met --comments de opmerkingen als
                                         Word-opmerkingen.
  server --data MAP [--port 4790] [--host 0.0.0.0] [--redis HOST:POORT]
         [--tls-cert CERTIFICAAT --tls-key SLEUTEL]
                                         De server voor samen bewerken starten. De documenten
                                         staan als NAAM.resolutie in MAP. De sleutel voor
                                         uitnodigingen komt uit RESOLUTIE_SERVER_SECRET of uit
                                         MAP/.server-secret (bij de eerste start gemaakt).
                                         Met --tls-cert en --tls-key versleutelt de server
                                         zelf (wss://); zonder is het verkeer onversleuteld,
                                         tenzij een reverse proxy er TLS voor zet.
                                         Stoppen met Ctrl+C: alles wordt eerst opgeslagen.
                                         Met --redis werken meerdere servers samen.
  invite --data MAP --document NAAM --role redacteur|voorsteller|lezer
         --server wss://HOST[:POORT] [--tls-cert CERTIFICAAT] [--name NAAM]
         [--opmerkingen] [--days N] [--title "…"]
                                         Een uitnodiging (één regel) voor een document op de
                                         server, ondertekend met de sleutel van de server;
                                         hij verloopt na --days dagen (standaard 30, hoogstens
                                         3650). Een ws://-adres alleen op deze computer, of
                                         met --onversleuteld. Met --tls-cert werkt hij alleen
                                         met de server die dat certificaat toont (voor een
                                         zelf ondertekend certificaat). Een redacteur
                                         wijzigt, een voorsteller doet alleen voorstellen en
                                         opmerkingen, een lezer leest (met --opmerkingen mag
                                         hij ook opmerkingen maken). Met --name staan
                                         voorstellen en opmerkingen van de deelnemer op die
                                         naam; de server houdt hem eraan. Een voorsteller en
                                         een lezer met --opmerkingen hebben een naam nodig.

Opties:
  -o, --output BESTAND   Uitvoerbestand (import).
      --json BESTAND     JSON-uitvoer (export); bij amendments zonder bestand: de
                         procedure als JSON op het scherm.
      --pdf BESTAND      PDF-uitvoer (export, bundle, preadviezen).
      --pdfa             De PDF als PDF/A-2b, voor het archief (export, bundle,
                         preadviezen).
      --akn BESTAND      Akoma Ntoso-uitvoer, XML (export).
      --docx BESTAND     Word-uitvoer, .docx (export).
      --amendement NR    Dit amendement (A1) in de vaste vorm als PDF of als
                         Akoma Ntoso (export).
      --geamendeerd      De resolutie zoals geamendeerd als PDF (export).
      --toevoegen        De amendementbestanden aan de resolutie toevoegen (amendments).
      --hernummeren      Een amendement met een bezet nummer het volgende vrije nummer
                         geven (amendments).
      --changes WIJZE    Openstaande wijzigingen in de PDF of het Word-document
                         (export): hidden (standaard) of shown.
      --version NAAM     Een vastgelegde versie exporteren (export).
      --comments         De opmerkingen tonen (show), als bijlage in de PDF of als
                         Word-opmerkingen (export).
      --title TITEL      Titel van de bundel (bundle) of van het document (invite).
      --data MAP         Map van de documenten van de server (server, invite).
      --port POORT       Poort van de server (standaard 4790; 0 = een vrije poort).
      --host ADRES       Adres waarop de server luistert (standaard 0.0.0.0: het netwerk;
                         127.0.0.1: alleen deze computer).
      --redis HOST:POORT Redis voor meerdere servers achter een load balancer.
      --max-per-address N
                         Open verbindingen per adres (server; standaard 64, 0 = geen grens).
                         Achter een proxy komen alle deelnemers van één adres: verhoog het.
      --document NAAM    Document op de server (invite): letters, cijfers, - en _.
      --role ROL         redacteur, voorsteller of lezer (invite).
      --name NAAM        Naam van de deelnemer in de uitnodiging (invite).
      --opmerkingen      Een lezer mag opmerkingen maken (invite).
      --server ADRES     Adres van de server in de uitnodiging (invite).
      --days N           De uitnodiging verloopt na N dagen (invite; standaard 30).
      --tls-cert BESTAND Certificaat van de server, PEM (server); de uitnodiging werkt
                         alleen met de server die dit certificaat toont (invite).
      --tls-key BESTAND  Privésleutel van het certificaat, PEM zonder wachtwoord (server).
      --onversleuteld    Een uitnodiging voor een ws://-adres op het netwerk: het verkeer
                         is dan voor iedereen op het netwerk leesbaar (invite).
  -f, --force            Een bestaand document overschrijven (import).
  -h, --help             Deze hulp.
  -v, --version          De versie van de Resolutie-editor.

Foutmeldingen staan op één regel; bij een fout is de afsluitcode 1 (2 bij verkeerde
argumenten, en bij check, waar 1 betekent: er zijn bevindingen). De indeling van .resolutie en van de JSON staat in docs/FORMAT.md, de server in
docs/SERVER.md.
`;
