// The web sidebar as the hub serves it: compressed, cached by content, without its source maps.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from './support/hub-process.js';

const assets = join(import.meta.dirname, '../../desktop/dist/renderer/assets');

describe('the web sidebar’s files', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({});
  });
  afterAll(() => hub?.dispose());

  const files = () => readdirSync(assets);
  const entry = () => files().find((f) => /^index-.+\.js$/.test(f))!;

  it('sends the page to be checked at every load, and hashed files to be kept for a year', async () => {
    const page = await fetch(`${hub.url}/`, { headers: { 'accept-encoding': 'br' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-type')).toContain('text/html');
    const script = await fetch(`${hub.url}/assets/${entry()}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends brotli or gzip as the browser accepts, and the plain file to one that takes neither', async () => {
    const url = `${hub.url}/assets/${entry()}`;
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const encoding of ['br', 'gzip']) {
      // fetch decodes what it asked for: the decoded body is the same script.
      const res = await fetch(url, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect((await res.arrayBuffer()).byteLength).toBe(plainBytes);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(plainBytes / 2);
    }
  });

  it('keeps source maps and the build manifest to itself, and the code does not point at them', async () => {
    const map = files().find((f) => f.endsWith('.js.map'));
    expect(map).toBeDefined();
    expect((await fetch(`${hub.url}/assets/${map}`)).status).toBe(404);
    expect((await fetch(`${hub.url}/.vite/manifest.json`)).status).toBe(404);
    const code = await (await fetch(`${hub.url}/assets/${entry()}`)).text();
    expect(code).not.toMatch(/sourceMappingURL/);
  });
});
