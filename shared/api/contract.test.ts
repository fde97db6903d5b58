import { describe, expect, it } from 'vitest';
import { API_METHODS, apiContract, isApiMethod } from './contract.ts';
import { MAX_TEXT_BYTES } from './limits.ts';
import { isParsedResolutionOutline } from './parsedResolutionSchema.ts';

const minimalResolution = {
  kind: 'resolutie',
  status: null,
  title: 'Titel',
  preamble: null,
  blocks: [{ type: 'recital', heading: 'overwegende', items: [] }],
  explanation: [],
};

describe('the contract', () => {
  it('lists its methods in order', () => {
    expect(API_METHODS).toEqual([
      'getAppInfo',
      'parseText',
      'listDocuments',
      'openDocument',
      'saveDocument',
      'printPdf',
      'listRecent',
      'journalReset',
      'journalAppend',
      'journalDiscard',
      'listRecoverable',
      'recoverDocument',
      'getPreferences',
      'setPreferences',
      'startSession',
      'createInvitation',
      'listParticipants',
      'removeParticipant',
      'withdrawInvitations',
      'stopSession',
      'getSessionRelay',
      'printOnPaper',
      'readDocument',
      'listProcedureOverview',
      'exportDocx',
    ]);
  });

  it('knows its own methods and nothing inherited', () => {
    expect(isApiMethod('getAppInfo')).toBe(true);
    expect(isApiMethod('parseText')).toBe(true);
    for (const name of [
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      '',
      'ParseText',
    ]) {
      expect(isApiMethod(name)).toBe(false);
    }
  });

  it('lets a method without payload take nothing, null or an empty object only', () => {
    const request = apiContract.getAppInfo.request;
    expect(request.safeParse(undefined).success).toBe(true);
    expect(request.safeParse(null).success).toBe(true);
    expect(request.safeParse({}).success).toBe(true);
    expect(request.safeParse({ text: 'x' }).success).toBe(false);
    expect(request.safeParse('x').success).toBe(false);
    expect(request.safeParse([]).success).toBe(false);
  });

  it('takes a parseText text up to the limit in UTF-8 bytes', () => {
    const request = apiContract.parseText.request;
    expect(request.safeParse({ text: '' }).success).toBe(true);
    expect(request.safeParse({ text: 'a'.repeat(MAX_TEXT_BYTES) }).success).toBe(true);
    expect(request.safeParse({ text: 'a'.repeat(MAX_TEXT_BYTES + 1) }).success).toBe(false);
    // Half as many characters, but "é" takes two bytes: one character over in bytes.
    expect(request.safeParse({ text: 'é'.repeat(MAX_TEXT_BYTES / 2) + 'a' }).success).toBe(false);
    expect(request.safeParse({ text: 'x', extra: 1 }).success).toBe(false);
  });

  it('checks the outline of a parsed resolution', () => {
    expect(isParsedResolutionOutline(minimalResolution)).toBe(true);
    expect(apiContract.parseText.response.safeParse(minimalResolution).success).toBe(true);
    expect(isParsedResolutionOutline({ ...minimalResolution, blocks: 'x' })).toBe(false);
    expect(isParsedResolutionOutline({ ...minimalResolution, blocks: [{ type: 'x' }] })).toBe(
      false,
    );
    expect(isParsedResolutionOutline({ ...minimalResolution, title: 3 })).toBe(false);
    expect(isParsedResolutionOutline('<html>')).toBe(false);
    expect(isParsedResolutionOutline(null)).toBe(false);
    expect(isParsedResolutionOutline([])).toBe(false);
  });

  it('requires every field of the app info', () => {
    const response = apiContract.getAppInfo.response;
    const info = { name: 'Resolutie-editor', version: '0.1.0', mode: 'browser', platform: 'linux' };
    expect(response.safeParse(info).success).toBe(true);
    expect(response.safeParse({ ...info, mode: 'kiosk' }).success).toBe(false);
    expect(response.safeParse({ ...info, version: undefined }).success).toBe(false);
  });
});
