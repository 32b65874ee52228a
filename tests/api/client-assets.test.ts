import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let app: TestApp;
let script: string;

beforeAll(async () => {
  app = await startTestApp();
  const html = await (await fetch(`${app.url}/`)).text();
  script = /<script[^>]+src="([^"]+\.js)"/.exec(html)![1]!;
});
afterAll(() => app.close());

const get = (path: string, encoding?: string) =>
  fetch(`${app.url}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the built client', () => {
  it('sends the script as the brotli copy made at build, or gzip, to a browser that takes it', async () => {
    const plain = Buffer.from(await (await get(script, 'identity')).arrayBuffer());
    expect(plain.length).toBeGreaterThan(10_000);

    // fetch would decode on its own: read the raw bytes with node:http instead.
    const { request } = await import('node:http');
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        request(`${app.url}${script}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });

    const br = await raw('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(br.body.length).toBeLessThan(plain.length / 3);
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);

    const gz = await raw('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);

    const identity = await raw('identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });

  it('lets browsers keep hashed assets for a year and always revalidate the page itself', async () => {
    const asset = await get(script, 'br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
    for (const page of ['/', '/index.html', '/some/deep/link']) {
      expect((await get(page)).headers.get('cache-control'), page).toBe('no-cache');
    }
  });

  it('answers a missing asset and a malformed path without a server error', async () => {
    expect((await get('/assets/nothing-here.js', 'br')).status).toBeLessThan(500);
    expect((await get('/assets/%E0%A4%A.js', 'br')).status).toBe(400);
  });
});
