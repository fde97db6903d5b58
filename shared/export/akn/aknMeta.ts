/**
 * The `meta` part of the Akoma Ntoso export: the FRBR identification (work, expression,
 * manifestation) and the references it points to. The URIs follow the AKN naming convention
 * (`/akn/nl/statement/<name>/<date>/<title>/nld@/!main`); the date is the assembly's date, or
 * the day of the export when the stuk has none, since the schema wants a full date.
 */
import { element } from './xmlText.ts';

/** What the identification is built from. */
export interface AknIdentity {
  /** The statement's name: "resolutie", "motie" … */
  name: string;
  /** The stuk's title, or null. */
  title: string | null;
  /** The assembly's date as yyyy-mm-dd, or null. */
  date: string | null;
  /** Who submits the stuk, or null. */
  submitter: string | null;
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

/** `<meta>` with identification and references; `component` names an attachment's own meta. */
export function metaXml(identity: AknIdentity, component?: string): string {
  const workDay = identity.date ?? isoDay(identity.now);
  const exportDay = isoDay(identity.now);
  const kind = uriPart(identity.name);
  const work = `/akn/nl/statement/${kind}/${workDay}/${uriPart(identity.title ?? '')}`;
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
  const submitter =
    identity.submitter === null
      ? ''
      : element('TLCOrganization', {
          eId: 'indiener',
          href: `/akn/ontology/organization/nl/${uriPart(identity.submitter)}`,
          showAs: identity.submitter,
        });
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
