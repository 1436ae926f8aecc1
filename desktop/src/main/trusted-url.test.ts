import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, externalHttpUrl, isAppUrl } from './trusted-url.js';

describe('isAppUrl', () => {
  it.each([APP_ORIGIN, `${APP_ORIGIN}/`, APP_ENTRY_URL, `${APP_ORIGIN}/assets/index.js?x=1#top`])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'app://sidecoach.evil.example/index.html',
    'app://sidecoach@evil.example/',
    'app://user:pw@sidecoach/',
    'app://sidecoach:8080/',
    'app://other/index.html',
    'apps://sidecoach/',
    'http://sidecoach/',
    'https://app.sidecoach/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('externalHttpUrl', () => {
  it('returns the parsed address of http and https links', () => {
    expect(externalHttpUrl('https://example.com/help')).toBe('https://example.com/help');
    expect(externalHttpUrl('HTTP://Example.com')).toBe('http://example.com/');
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'ms-settings:privacy',
    'https://user:pw@example.com/',
    'app://sidecoach/index.html',
    'mailto:qa@example.com',
    'not a url',
  ])('refuses %s', (url) => expect(externalHttpUrl(url)).toBeNull());
});
