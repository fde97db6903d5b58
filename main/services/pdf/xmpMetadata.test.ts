/**
 * The XMP packet checked by xmllint (well-formed XML) and read back: a hostile title with
 * markup, ampersands, a CDATA end and quotes stays one text, and empty fields are left out.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDir, removeTempDir } from '../testing/tempDir.ts';
import { buildXmpPacket, escapeXml, formatXmpDate, toXmlSafeText } from './xmpMetadata.ts';
import type { XmpFields } from './xmpMetadata.ts';

let dir: string;
beforeAll(async () => {
  dir = await createTempDir('resolutie-xmp-');
});
afterAll(() => removeTempDir(dir));

const HOSTILE = `Titel <b>vet</b> & "aanhalingen" 'enkel' ]]> <!-- -->\u0001 einde`;

const fields: XmpFields = {
  part: 2,
  conformance: 'B',
  title: HOSTILE,
  author: 'Auteur & Bewerker',
  subject: 'De leden bijeen',
  keywords: 'Resolutie Najaars ALV',
  creatorTool: 'Resolutie-editor test',
  producer: 'Resolutie-editor test (Chromium, pdf-lib)',
  language: 'nl-NL',
  created: new Date('2024-11-29T10:15:30.456Z'),
  modified: new Date('2024-11-30T08:00:00Z'),
  documentId: 'uuid:2642fbc3-0bbe-3363-9b54-4ade6b85b32a',
  instanceId: 'uuid:2642fbc3-0bbe-3363-9b54-4ade6b85b32a',
};

// xmllint reads the file strictly; --xpath reads one value back as a parser sees it.
function xpath(file: string, expression: string): string {
  const out = execFileSync('xmllint', ['--noout', '--xpath', expression, file], {
    encoding: 'utf8',
  });
  // xmllint ends its answer with a line break of its own.
  return out.replace(/\n$/, '');
}

function writePacket(name: string, packet: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, packet, 'utf8');
  return file;
}

describe('the XMP packet', () => {
  it('is well-formed XML that gives back the hostile title as text', () => {
    const file = writePacket('hostile.xmp', buildXmpPacket(fields));
    execFileSync('xmllint', ['--noout', file]);
    const ns = '//*[local-name()="title"]/*[local-name()="Alt"]/*[local-name()="li"]/text()';
    expect(xpath(file, `string(${ns})`)).toBe(toXmlSafeText(HOSTILE));
    expect(xpath(file, 'string(//*[local-name()="creator"]//*[local-name()="li"])')).toBe(
      'Auteur & Bewerker',
    );
    expect(xpath(file, 'string(//*[local-name()="part"])')).toBe('2');
    expect(xpath(file, 'string(//*[local-name()="conformance"])')).toBe('B');
    expect(xpath(file, 'string(//*[local-name()="CreateDate"])')).toBe('2024-11-29T10:15:30Z');
    expect(xpath(file, 'string(//*[local-name()="ModifyDate"])')).toBe('2024-11-30T08:00:00Z');
    expect(xpath(file, 'string(//*[local-name()="language"]//*[local-name()="li"])')).toBe('nl-NL');
  });

  it('has the xpacket wrapper PDF/A readers look for', () => {
    const packet = buildXmpPacket(fields);
    expect(packet.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(
      true,
    );
    expect(packet.endsWith('<?xpacket end="w"?>')).toBe(true);
    expect(packet).not.toContain('\u0001');
  });

  it('leaves out what is empty instead of writing an empty property', () => {
    const file = writePacket(
      'empty.xmp',
      buildXmpPacket({ ...fields, author: '', subject: '', keywords: '' }),
    );
    execFileSync('xmllint', ['--noout', file]);
    expect(xpath(file, 'count(//*[local-name()="creator"])')).toBe('0');
    expect(xpath(file, 'count(//*[local-name()="description"])')).toBe('0');
    expect(xpath(file, 'count(//*[local-name()="Keywords"])')).toBe('0');
  });
});

describe('the XMP helpers', () => {
  it('escape every markup character and drop what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(escapeXml(']]>')).toBe(']]&gt;');
    expect(toXmlSafeText('a\u0000b\u001Fc\tok\n')).toBe('abc\tok\n');
    expect(toXmlSafeText('x\uD800y\uDC00z😀')).toBe('xyz😀');
  });

  it('write dates in UTC to the second', () => {
    expect(formatXmpDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
  });
});
