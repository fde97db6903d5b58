import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from './appProtocol.ts';
import {
  decideNavigation,
  getExternalLink,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
} from './security.ts';

describe('isAppUrl', () => {
  it('accepts the app’s own pages only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/app.js`)).toBe(true);
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
    for (const url of [
      'app://elders/index.html',
      'app://iemand@resolutie/index.html',
      'app://resolutie:8080/index.html',
      'file:///index.html',
      'https://resolutie/index.html',
      'http://127.0.0.1:4780/',
      'about:blank',
      'geen url',
      '',
      null,
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts the top frame of the app page', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: true })).toBe(true);
  });

  it('refuses sub-frames, foreign pages and frames that are gone', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('allows only reloading the app page', () => {
    expect(decideNavigation(APP_ENTRY_URL)).toBe('allow');
    expect(decideNavigation(`${APP_ORIGIN}/`)).toBe('allow');
  });

  it('denies everything else', () => {
    for (const url of [
      'https://www.vng.nl/',
      'http://127.0.0.1:4780/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      `${APP_ORIGIN}/assets/app.js`,
      'app://elders/index.html',
      'data:text/html,<script>1</script>',
    ]) {
      expect(decideNavigation(url), url).toBe('deny');
    }
  });
});

describe('isPermissionAllowed', () => {
  it('grants clipboard writing to the app page and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org')).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fileSystem',
    ]) {
      expect(isPermissionAllowed(permission, APP_ORIGIN), permission).toBe(false);
    }
  });
});

describe('getExternalLink', () => {
  it('passes http, https and mailto links, written out by the URL parser', () => {
    expect(getExternalLink('https://vng.nl/ledenbrief')).toBe('https://vng.nl/ledenbrief');
    expect(getExternalLink(' http://VNG.nl ')).toBe('http://vng.nl/');
    expect(getExternalLink('mailto:bestuur@vng.nl')).toBe('mailto:bestuur@vng.nl');
  });

  it('opens nothing else', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'app://resolutie/index.html',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox(1)',
      '//vng.nl/',
      'https://vng.nl@elders.example/',
      'https://user:secret@vng.nl/',
      'https://',
      'https://vng.nl/ spatie',
      `https://vng.nl/${'a'.repeat(3000)}`,
      '',
    ]) {
      expect(getExternalLink(url), url).toBeNull();
    }
  });
});
