import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from './appProtocol.ts';
import { decideNavigation, isAppUrl, isPermissionAllowed, isTrustedSender } from './security.ts';

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
