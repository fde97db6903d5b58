/**
 * The XMP metadata packet of a PDF/A file: the PDF/A identification (part and conformance)
 * and the document's properties in the schemas PDF/A predefines (Dublin Core, XMP basic, Adobe
 * PDF, XMP media management), so that no extension schema is needed. PDF/A wants the packet
 * and the Info dictionary to say the same; the caller gives both the same values, cleaned with
 * {@link toXmlSafeText} first.
 */

/** What the packet says. An empty text leaves its property out. */
export interface XmpFields {
  /** PDF/A's part (2 for PDF/A-2) and conformance level. */
  part: 2;
  conformance: 'A' | 'B';
  title: string;
  /** The author; dc:creator holds it as its one entry, the same as Info's /Author. */
  author: string;
  /** The subject: dc:description, Info's /Subject. */
  subject: string;
  /** The keywords as one text, as Info's /Keywords holds them. */
  keywords: string;
  /** The application that made the document: xmp:CreatorTool, Info's /Creator. */
  creatorTool: string;
  producer: string;
  /** The language tag ("nl-NL"). */
  language: string;
  created: Date;
  modified: Date;
  /** `uuid:…` identifiers of the document and of this rendition of it. */
  documentId: string;
  instanceId: string;
}

/**
 * `text` without what XML 1.0 cannot hold at all (control characters other than tab and line
 * breaks, unpaired surrogates, U+FFFE and U+FFFF); escaping handles the rest.
 */
export function toXmlSafeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are the characters being removed
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(
    // A high surrogate without a low one after it, or a low one without a high one before it.
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** `text` escaped for XML content and attribute values. */
export function escapeXml(text: string): string {
  return toXmlSafeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An XMP date: ISO 8601 in UTC to the second, like the Info dictionary's `D:…Z` dates. */
export function formatXmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The whole packet, with its `xpacket` wrapper, as UTF-8 text. */
export function buildXmpPacket(fields: XmpFields): string {
  const lines: string[] = [];
  const add = (line: string) => lines.push(`      ${line}`);
  const alt = (name: string, value: string) => {
    if (value === '') return;
    add(
      `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`,
    );
  };
  const simple = (name: string, value: string) => {
    if (value !== '') add(`<${name}>${escapeXml(value)}</${name}>`);
  };

  simple('pdfaid:part', String(fields.part));
  simple('pdfaid:conformance', fields.conformance);
  alt('dc:title', fields.title);
  if (fields.author !== '') {
    add(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.author)}</rdf:li></rdf:Seq></dc:creator>`);
  }
  alt('dc:description', fields.subject);
  if (fields.language !== '') {
    add(
      `<dc:language><rdf:Bag><rdf:li>${escapeXml(fields.language)}</rdf:li></rdf:Bag></dc:language>`,
    );
  }
  simple('dc:format', 'application/pdf');
  simple('xmp:CreatorTool', fields.creatorTool);
  simple('xmp:CreateDate', formatXmpDate(fields.created));
  simple('xmp:ModifyDate', formatXmpDate(fields.modified));
  simple('xmp:MetadataDate', formatXmpDate(fields.modified));
  simple('pdf:Producer', fields.producer);
  simple('pdf:Keywords', fields.keywords);
  simple('xmpMM:DocumentID', fields.documentId);
  simple('xmpMM:InstanceID', fields.instanceId);

  // The packet header's id is XMP's fixed one; the trailing padding lets a tool edit the
  // packet in place, as the XMP specification advises.
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '    <rdf:Description rdf:about=""',
    '        xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    '        xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '        xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '        xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    ...lines,
    '    </rdf:Description>',
    '  </rdf:RDF>',
    '</x:xmpmeta>',
    ...Array.from({ length: 20 }, () => ' '.repeat(99)),
    '<?xpacket end="w"?>',
  ].join('\n');
}
