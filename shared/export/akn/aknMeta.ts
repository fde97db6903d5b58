/**
 * The `meta` part of the Akoma Ntoso export: the FRBR identification (work, expression,
 * manifestation) and the references it points to. The URIs follow the AKN naming convention
 * (`/akn/nl/statement/<name>/<date>/<title>/nld@/!main`); the date is the assembly's date, or
 * the day of the export when the stuk has none, since the schema wants a full date.
 */
import { element } from './xmlText.ts';

/** What the identification is built from. */
export interface AknIdentity {
  /** The AKN document type; a `statement` when left out. */
  docType?: 'statement' | 'amendment';
  /** The document's name: "resolutie", "motie", "amendement" … */
  name: string;
  /** The stuk's title, or null. */
  title: string | null;
  /** The assembly's date as yyyy-mm-dd, or null. */
  date: string | null;
  /** Who submits the stuk, or null. */
  submitter: string | null;
  /** Who co-submit it (an amendment's co-indieners); none when left out. */
  coSubmitters?: readonly string[];
  /** A part of the work's name after the title (an amendment's number "a1"), or none. */
  suffix?: string;
  /** The moment of the export. */
  now: Date;
}

/** The id of the software the identification names as its source. */
export const SOURCE_ID = 'resolutie-editor';

/** `yyyy-mm-dd` of a moment, in UTC. */
export function isoDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** A URI-safe part made of a title: lower case letters, digits and hyphens. */
export function uriPart(value: string): string {
  const part = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return part.length > 0 ? part : 'zonder-titel';
}

/**
 * The work's FRBR URI: `/akn/nl/statement/resolutie/2024-11-29/geld-voor-de-jeugd`, and for
 * an amendment `/akn/nl/amendment/amendement/2024-11-29/geld-voor-de-jeugd-a1`.
 */
export function workUri(identity: AknIdentity): string {
  const workDay = identity.date ?? isoDay(identity.now);
  const name = uriPart(identity.title ?? '');
  const suffix = identity.suffix === undefined ? '' : `-${uriPart(identity.suffix)}`;
  return `/akn/nl/${identity.docType ?? 'statement'}/${uriPart(identity.name)}/${workDay}/${name}${suffix}`;
}

/** `<meta>` with identification and references; `component` names an attachment's own meta. */
export function metaXml(identity: AknIdentity, component?: string): string {
  const workDay = identity.date ?? isoDay(identity.now);
  const exportDay = isoDay(identity.now);
  const work = workUri(identity);
  const expression = `${work}/nld@`;
  const part = component === undefined ? 'main' : uriPart(component);
  const author = `#${identity.submitter === null ? SOURCE_ID : 'indiener'}`;
  const dateName = identity.date === null ? 'export' : 'vergadering';
  const frbr = (tag: string, uri: string, date: string, name: string, extra: string) =>
    element(
      tag,
      {},
      element('FRBRthis', { value: `${uri}/!${part}` }) +
        element('FRBRuri', { value: uri }) +
        element('FRBRdate', { date, name }) +
        element('FRBRauthor', { href: author }) +
        extra,
    );
  const identification = element(
    'identification',
    { source: `#${SOURCE_ID}` },
    frbr('FRBRWork', work, workDay, dateName, element('FRBRcountry', { value: 'nl' })) +
      frbr(
        'FRBRExpression',
        expression,
        workDay,
        dateName,
        element('FRBRlanguage', { language: 'nld' }),
      ) +
      frbr('FRBRManifestation', `${expression}.akn`, exportDay, 'export', ''),
  );
  const organisation = (eId: string, name: string) =>
    element('TLCOrganization', {
      eId,
      href: `/akn/ontology/organization/nl/${uriPart(name)}`,
      showAs: name,
    });
  const submitter =
    (identity.submitter === null ? '' : organisation('indiener', identity.submitter)) +
    (identity.coSubmitters ?? [])
      .map((name, index) => organisation(`medeindiener_${index + 1}`, name))
      .join('');
  const references = element(
    'references',
    { source: `#${SOURCE_ID}` },
    element('TLCOrganization', {
      eId: SOURCE_ID,
      href: `/akn/ontology/organization/nl/${SOURCE_ID}`,
      showAs: 'Resolutie-editor',
    }) + submitter,
  );
  // An attachment's meta names the same source; its references stand once, in the main meta
  // (an eId may occur only once in the whole statement).
  return element('meta', {}, identification + (component === undefined ? references : ''));
}
