/**
 * The help page, in plain Dutch: how a stuk is built (overwegingen, dictum, toelichting), the
 * numbering, "Wijzigingen bijhouden" and the changes panel, comments, versions, working
 * together, PDF and printing, preferences, and the keyboard shortcuts as this platform writes
 * them. A wide dialog with a table of contents beside the text; F1 or Help › Help opens it.
 */
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { formatShortcut } from '../keyboard/shortcuts.ts';
import { Modal } from '../dialogs/Modal.tsx';
import { EDITOR_SHORTCUTS, WINDOW_SHORTCUTS, type HelpShortcutGroup } from './helpShortcuts.ts';
import '../styles/help.css';

/** A key combination as the platform writes it, in a <kbd>. */
function Keys({ keys }: { keys: string }) {
  return <kbd className="help-keys">{formatShortcut(keys)}</kbd>;
}

/** One section of the page. */
interface Section {
  id: string;
  title: string;
  body: ReactNode;
}

const SECTIONS: Section[] = [
  {
    id: 'opbouw',
    title: 'Hoe een stuk is opgebouwd',
    body: (
      <>
        <p>
          Een resolutie, motie of amendement heeft altijd dezelfde opbouw: de <b>titel</b> met de
          soort stuk, de <b>preambule</b> (“De leden bijeen in de Najaars ALV van 29 november
          2024:”), een of meer blokken <b>overwegingen</b>, een of meer blokken <b>dictum</b> en de{' '}
          <b>toelichting</b>.
        </p>
        <p>
          Die opbouw ligt vast. Koppen zoals “Overwegende dat:” en de zin van de preambule zijn geen
          gewone tekst: u kiest ze, maar kunt ze niet per ongeluk wegtypen. Vergadering en datum van
          de preambule vult u in rechts, bij <b>Gegevens</b>.
        </p>
      </>
    ),
  },
  {
    id: 'overwegingen',
    title: 'Overwegingen',
    body: (
      <>
        <p>
          De overwegingen zeggen waarom de leden iets vinden. Een blok begint met “Overwegende
          dat:”, “Constaterende dat:” of “Gelet op:”; de kop kiest u in het blok zelf. Elk punt is
          een afgeronde gedachte en eindigt meestal met een puntkomma.
        </p>
        <p>
          Een nieuw blok maakt u met <b>+ Overwegingen</b> in de werkbalk of met de knop onder de
          blokken. Overwegingen staan altijd vóór het dictum; met ↑ ↓ × naast een blok verplaatst of
          verwijdert u het.
        </p>
      </>
    ),
  },
  {
    id: 'dictum',
    title: 'Dictum: wat de leden besluiten',
    body: (
      <>
        <p>
          Het dictum zegt wat de leden vinden of vragen. Een blok begint met “Spreekt uit:”, “Roept
          op:”, “Verzoekt het bestuur:” of “Besluit:”. Een stuk heeft altijd minstens één
          dictumblok; het laatste kan daarom niet weg.
        </p>
        <p>
          Een blok toevoegen gaat met <b>+ Dictum</b> in de werkbalk.
        </p>
      </>
    ),
  },
  {
    id: 'toelichting',
    title: 'Toelichting',
    body: (
      <p>
        Onder het stuk staat de toelichting: vrije tekst met koppen, lijsten, citaten, links en
        voetnoten. De knoppen Kop, Subkop, Alinea, • Lijst, 1. Lijst, “ ” (een citaat) en Voetnoot
        in de werkbalk werken in de toelichting; is het venster te smal voor alle knoppen, dan staan
        ze onder Meer ▾, behalve zolang de cursor in de toelichting staat. Het overzicht links toont
        de koppen; klik erop om er naartoe te gaan.
      </p>
    ),
  },
  {
    id: 'nummering',
    title: 'Nummering',
    body: (
      <>
        <p>
          Nummers typt u nooit zelf: de editor nummert. Elk blok begint bij 1. Voegt u een punt in,
          verwijdert of verplaatst u er een, dan kloppen de nummers meteen weer.
        </p>
        <p>
          Met <Keys keys="Tab" /> maakt u van een punt een subpunt (a, b, c, of een opsomming met
          •); met <Keys keys="Shift-Tab" /> wordt het weer een gewoon punt. <Keys keys="Enter" />{' '}
          begint een nieuw punt; <Keys keys="Enter" /> in een leeg laatste punt gaat naar het
          volgende blok.
        </p>
        <p>
          Plakt u een resolutie uit Word of een e-mail (“Overwegende dat:”, genummerde regels,
          “Spreekt uit:”), dan worden daar vanzelf blokken met punten van.
        </p>
      </>
    ),
  },
  {
    id: 'wijzigingen-bijhouden',
    title: 'Wijzigingen bijhouden',
    body: (
      <>
        <p>
          Zet <b>Wijzigingen bijhouden</b> aan (rechts in de werkbalk, of{' '}
          <Keys keys="Mod-Shift-e" />) en alles wat u wijzigt wordt een voorstel: nieuwe tekst staat
          onderstreept in uw kleur, geschrapte tekst blijft doorgehaald staan. Een nieuw punt of een
          geschrapt punt is ook een voorstel; u ziet dat aan een streep en het nummer in uw kleur.
        </p>
        <p>
          Zo ziet iedereen wat er is veranderd, en door wie. Haalt u uw eigen voorstel weer weg, dan
          verdwijnt het gewoon. De voorstellen horen bij het document: ze blijven bewaard bij
          opslaan en collega’s in een sessie zien ze meteen.
        </p>
      </>
    ),
  },
  {
    id: 'paneel-wijzigingen',
    title: 'Het paneel Wijzigingen',
    body: (
      <p>
        Rechts staat elke openstaande wijziging, met wie hem deed, wanneer, en de tekst, in de
        volgorde van het stuk. U kunt één wijziging <b>accepteren</b> of <b>weigeren</b>, alle
        wijzigingen van één persoon, of alles tegelijk. Met <b>Vorige</b> en <b>Volgende</b> (
        <Keys keys="Alt-PageUp" /> en <Keys keys="Alt-PageDown" />) springt u van wijziging naar
        wijziging. Na accepteren staat er gewone tekst met de juiste nummering.
      </p>
    ),
  },
  {
    id: 'opmerkingen',
    title: 'Opmerkingen',
    body: (
      <>
        <p>
          Een opmerking hoort bij een stuk tekst. Selecteer de tekst (in een punt, een kop of alinea
          van de toelichting, of een voetnoot met het woord ervoor) en kies <b>Opmerking</b> rechts
          in de werkbalk, of <Keys keys="Mod-Alt-m" />; in de desktopapp staat{' '}
          <b>Opmerking toevoegen</b> ook onder de rechtermuisknop. Rechts, bij <b>Opmerkingen</b>,
          schrijft u de opmerking en plaatst u hem met <b>Plaatsen</b> of <Keys keys="Mod-Enter" />;{' '}
          <Keys keys="Escape" /> annuleert. De eerste keer vraagt de editor onder welke naam anderen
          uw opmerkingen zien.
        </p>
        <p>
          De tekst van een opmerking is geel gemarkeerd; staat de cursor erin, dan licht de
          opmerking rechts op. Klik op een opmerking om naar de tekst te gaan. U kunt{' '}
          <b>beantwoorden</b>, uw eigen opmerkingen <b>bewerken</b> en <b>verwijderen</b>, en een
          opmerking <b>oplossen</b> als hij is afgehandeld; opgeloste opmerkingen staan ingeklapt
          onder <b>Opgelost</b> en kunt u weer <b>heropenen</b> (in een sessie doet een voorsteller
          of lezer dat alleen bij opmerkingen die hij zelf begon). Een opmerking over een voorstel
          zegt van wie dat voorstel is. Wordt de tekst van een opmerking geschrapt, dan blijft de
          opmerking staan onder <b>Tekst verwijderd</b>, met de tekst waar hij over ging.
        </p>
        <p>
          Opmerkingen horen bij het document: ze worden opgeslagen en collega’s in een sessie zien
          ze meteen. Ze zijn geen tekst van het stuk: ze worden geen voorstel, ongedaan maken raakt
          ze niet, en ze staan niet in de PDF of op papier.
        </p>
      </>
    ),
  },
  {
    id: 'versies',
    title: 'Versies',
    body: (
      <p>
        Met <b>Versies…</b> in de werkbalk legt u het stuk vast onder een naam, zoals “Concept 12
        november”. U kunt twee versies vergelijken, of een versie met de huidige tekst: toegevoegde
        tekst staat onderstreept, geschrapte tekst doorgehaald. Herstelt u een versie, dan komt de
        oude tekst terug als voorstel op uw naam, dat u nog accepteert; de versies ertussen blijven
        bewaard. Elke versie kan ook als PDF.
      </p>
    ),
  },
  {
    id: 'samen-bewerken',
    title: 'Samen bewerken',
    body: (
      <>
        <p>
          Met <b>Sessie starten</b> (rechtsboven) kunnen collega’s op hetzelfde netwerk
          meeschrijven. Met <b>Uitnodigen…</b> maakt de editor per collega een uitnodiging van één
          regel die u kopieert en mailt, met een rol: een <b>redacteur</b> schrijft mee; een{' '}
          <b>voorsteller</b> mag voorstellen en opmerkingen maken (alles wat hij typt wordt een
          voorstel op zijn naam); een <b>lezer</b> leest mee, en maakt opmerkingen als u dat bij de
          uitnodiging aanvinkt. Houd de editor open zolang de sessie loopt; <b>Sessie stoppen</b>{' '}
          beëindigt hem voor iedereen.
        </p>
        <p>
          Een collega kiest <b>Deelnemen…</b> en plakt de uitnodiging. Ieders cursor staat in zijn
          eigen kleur met zijn naam; links ziet u wie er meedoet. Valt de verbinding weg, dan werkt
          u gewoon door: zodra u weer verbonden bent, wordt alles samengevoegd. Ongedaan maken neemt
          alleen uw eigen wijzigingen terug. Uw naam en kleur stelt u in bij <b>Voorkeuren</b>.
        </p>
        <p>
          Wat een sessie over het netwerk stuurt, is versleuteld, en de app van een collega verbindt
          alleen met de computer die de uitnodiging noemt; antwoordt een andere, dan stuurt de app
          niets. Een uitnodiging is een wachtwoord: stuur hem alleen naar de collega voor wie hij
          is. Als host haalt u iemand uit de sessie met <b>Verwijderen</b> bij zijn naam onder{' '}
          <b>Aanwezig</b>; <b>Uitnodigingen intrekken…</b> laat alle uitnodigingen van een rol
          vervallen, behalve uw eigen. Als de sessie stopt, vervallen ze allemaal.
        </p>
      </>
    ),
  },
  {
    id: 'amendementen',
    title: 'Amendementen',
    body: (
      <>
        <p>
          Een lid dat een resolutie wil wijzigen, opent het bestand van de resolutie en kiest{' '}
          <b>Amendement maken…</b> in het paneel Amendementen (of in het menu Bestand): de gemeente
          die indient, eventuele mede-indieners en het onderwerp. Daarna wordt alles wat het lid in
          de tekst wijzigt een voorstel van dat amendement. Het schrijft de toelichting, kiest{' '}
          <b>Indienen</b> en slaat het bestand op met <b>Amendement opslaan…</b> om het naar het
          secretariaat te sturen. Wie als voorsteller aan een sessie deelneemt, doet hetzelfde in de
          sessie; het bestuur ziet het amendement dan meteen.
        </p>
        <p>
          Het secretariaat voegt een toegestuurd bestand toe met <b>Amendement toevoegen…</b>, of
          door het op het venster te slepen. De editor controleert eerst of het bij deze resolutie
          hoort en alleen voorstellen bevat; anders zegt hij waarom niet en verandert er niets.
        </p>
        <p>
          Per amendement legt het bestuur het <b>Preadvies…</b> vast en na de ALV het{' '}
          <b>Besluit…</b> met de stemming. Aangenomen of overgenomen: de voorstellen worden deel van
          de tekst. Verworpen of ingetrokken: ze verdwijnen. Amendementen die dezelfde tekst
          wijzigen, worden vóór de stemming gemeld. Onder <b>Stukken</b> maakt u de PDF van de tekst
          zoals geamendeerd en het overzicht van de preadviezen; elk amendement drukt u af vanuit
          zijn menu.
        </p>
      </>
    ),
  },
  {
    id: 'pdf',
    title: 'PDF en afdrukken',
    body: (
      <>
        <p>
          <b>Exporteren als PDF</b> maakt het stuk zoals de leden het krijgen: A4, genummerde
          punten, de toelichting met noten achteraan en paginanummers. Zolang de status “concept” of
          “geactualiseerd” is, staat er CONCEPT op elke pagina.
        </p>
        <p>
          Het <b>Afdrukvoorbeeld</b> (<Keys keys="Mod-p" />) toont precies die PDF, pagina voor
          pagina. Zijn er openstaande wijzigingen, dan kiest u daar met <b>Wijzigingen tonen</b> of
          ze in de PDF staan; anders luidt de PDF alsof alle wijzigingen zijn aanvaard.
        </p>
      </>
    ),
  },
  {
    id: 'bewaren',
    title: 'Opslaan en herstellen',
    body: (
      <p>
        Een document is één <code>.resolutie</code>-bestand, dat u kunt bewaren en mailen. Een ● in
        de kop betekent dat er niet-opgeslagen wijzigingen zijn. Er gaat niets verloren: elke
        wijziging staat meteen in een herstelbestand, en na een storing biedt de editor bij de
        volgende start aan het werk te herstellen.
      </p>
    ),
  },
  {
    id: 'voorkeuren',
    title: 'Voorkeuren',
    body: (
      <p>
        Bij <b>Voorkeuren…</b> (onder Help, rechtsboven) stelt u uw naam en kleur in, de vergadering
        waarmee een nieuw stuk begint, de map voor uw documenten, of datums op het scherm voluit
        (“vrijdag 29 november 2024”) of in cijfers (“29-11-2024”) staan, en met{' '}
        <b>PDF/A (archief)</b> of Exporteren als PDF een PDF/A-bestand maakt, de vorm die archieven
        vragen.
      </p>
    ),
  },
];

function ShortcutTable({ groups }: { groups: HelpShortcutGroup[] }) {
  return (
    <>
      {groups.map((group) => (
        <table key={group.title} className="help-shortcuts">
          <caption>{group.title}</caption>
          <tbody>
            {group.shortcuts.map((shortcut) => (
              <tr key={shortcut.action}>
                <th scope="row">
                  {shortcut.keys.map((keys, index) => (
                    <span key={keys}>
                      {index > 0 && ' of '}
                      <Keys keys={keys} />
                    </span>
                  ))}
                </th>
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

export function HelpDialog({ onClose, onAbout }: { onClose: () => void; onAbout: () => void }) {
  const body = useRef<HTMLDivElement>(null);
  const goTo = (id: string) => {
    const target = body.current?.querySelector<HTMLElement>(`#help-${id}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  };
  const contents = [...SECTIONS, { id: 'sneltoetsen', title: 'Sneltoetsen' }];
  return (
    <Modal title="Help bij de Resolutie-editor" onCancel={onClose} className="help-modal">
      <div className="help-layout">
        <nav className="help-contents" aria-label="Inhoud van de help">
          <ul>
            {contents.map((section) => (
              <li key={section.id}>
                <button
                  type="button"
                  className="help-contents-link"
                  onClick={() => goTo(section.id)}
                >
                  {section.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {/* It scrolls: focusable, so that the arrow keys and Page Down read on. */}
        <div className="help-body" ref={body} tabIndex={0} role="region" aria-label="Helptekst">
          {SECTIONS.map((section) => (
            <section key={section.id} aria-labelledby={`help-${section.id}`}>
              <h3 id={`help-${section.id}`} tabIndex={-1}>
                {section.title}
              </h3>
              {section.body}
            </section>
          ))}
          <section aria-labelledby="help-sneltoetsen">
            <h3 id="help-sneltoetsen" tabIndex={-1}>
              Sneltoetsen
            </h3>
            <ShortcutTable groups={[...EDITOR_SHORTCUTS, ...WINDOW_SHORTCUTS]} />
          </section>
        </div>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onAbout}>
          Over Resolutie-editor
        </button>
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          Sluiten
        </button>
      </div>
    </Modal>
  );
}
