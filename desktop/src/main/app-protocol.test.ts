import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppPath, serveAppRequest } from './app-protocol.js';

let base: string;
let root: string;
const CSP = "default-src 'self'";

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sidecoach-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Sidecoach</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the root');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps the app origin onto the root, with / as index.html', () => {
    expect(resolveAppPath('app://sidecoach/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://sidecoach/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://sidecoach', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://sidecoach/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath('app://sidecoach/assets/a%20b.js', root)).toBe(
      join(root, 'assets', 'a b.js'),
    );
  });

  it.each([
    'app://sidecoach/../secret.txt',
    'app://sidecoach/%2e%2e/secret.txt',
    'app://sidecoach/assets/..%2f..%2fsecret.txt',
    'app://sidecoach/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://sidecoach/..%5csecret.txt',
    'app://sidecoach/%2e%2e',
    'app://sidecoach/index.html%00.png',
    'app://sidecoach/%E0%A4%A',
  ])('refuses %s', (url) => {
    const resolved = resolveAppPath(url, root);
    // Either refused outright or still inside the root (the parser may fold dot segments first).
    if (resolved !== null) expect(resolved.startsWith(root)).toBe(true);
    expect(resolved).not.toBe(join(base, 'secret.txt'));
  });

  it.each([
    'app://evil/index.html',
    'app://sidecoach.evil.example/index.html',
    'app://user@sidecoach/index.html',
    'app://sidecoach:81/index.html',
    'http://sidecoach/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses other origins: %s', (url) => expect(resolveAppPath(url, root)).toBeNull());

  it('never resolves to the root folder itself', () => {
    expect(resolveAppPath('app://sidecoach/.', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://sidecoach/assets/..%2f', root)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  it('serves files with their type and the CSP', async () => {
    const res = await serveAppRequest(new Request('app://sidecoach/index.html'), root, CSP);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Sidecoach</title>');

    const js = await serveAppRequest(new Request('app://sidecoach/assets/index-abc.js'), root, CSP);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files, folders and escapes, without saying which', async () => {
    for (const url of [
      'app://sidecoach/missing.js',
      'app://sidecoach/assets',
      'app://sidecoach/..%2fsecret.txt',
    ]) {
      const res = await serveAppRequest(new Request(url), root, CSP);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('not found');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
    }
  });

  it('serves GET and HEAD only', async () => {
    const post = new Request('app://sidecoach/index.html', { method: 'POST', body: 'x' });
    expect((await serveAppRequest(post, root, CSP)).status).toBe(405);
    const head = new Request('app://sidecoach/index.html', { method: 'HEAD' });
    const res = await serveAppRequest(head, root, CSP);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer build output and defaults to bytes', () => {
    expect(contentTypeFor('a/b.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});
