import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squarePng } from '@/lib/simulator/png';
import { withChallengeImages } from '@/lib/inspector/challenge-images';
import { fetchChallengeImage } from '../challenge-image';

const PNG = squarePng([30, 160, 60]);

/** A stand-in for an upstream's image host, and a second host to be redirected to. */
function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let host: { server: Server; base: string };
let other: { server: Server; base: string };
const hits: string[] = [];

beforeAll(async () => {
  other = await serve((_req, res) => {
    hits.push('other');
    res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  });
  host = await serve((req, res) => {
    hits.push(req.url ?? '');
    switch (req.url) {
      case '/ok.png':
        return res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length }).end(PNG);
      case '/photo.jpg':
        return res.writeHead(200, { 'content-type': 'image/jpeg; charset=binary' }).end(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
      case '/page':
        return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      case '/vector.svg':
        return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
      case '/declared-big.png':
        return res.writeHead(200, { 'content-type': 'image/png', 'content-length': 2_000_000 }).end();
      case '/streamed-big.png':
        res.writeHead(200, { 'content-type': 'image/png' });
        for (let i = 0; i < 20; i++) res.write(Buffer.alloc(64 * 1024));
        return res.end();
      case '/same-host-redirect':
        return res.writeHead(302, { location: '/ok.png' }).end();
      case '/other-host-redirect':
        return res.writeHead(302, { location: `${other.base}/x.png` }).end();
      case '/loop':
        return res.writeHead(302, { location: '/loop' }).end();
      case '/slow.png':
        return; // never answers
      default:
        return res.writeHead(404).end();
    }
  });
});
afterAll(() => {
  host.server.closeAllConnections();
  host.server.close();
  other.server.close();
});

const get = (path: string, extra: { timeoutMs?: number; maxBytes?: number } = {}) => fetchChallengeImage(`${host.base}${path}`, { fetch, ...extra });

describe('fetchChallengeImage', () => {
  it('turns a PNG or JPEG into a data: URI', async () => {
    expect(await get('/ok.png')).toEqual({ ok: true, dataUri: `data:image/png;base64,${PNG.toString('base64')}` });
    expect(await get('/photo.jpg')).toEqual({ ok: true, dataUri: 'data:image/jpeg;base64,/9j/2Q==' });
  });

  it('follows a redirect on the same host only', async () => {
    expect(await get('/same-host-redirect')).toMatchObject({ ok: true });
    hits.length = 0;
    expect(await get('/other-host-redirect')).toEqual({ ok: false, problem: 'it redirects to another host' });
    expect(hits).not.toContain('other');
    expect(await get('/loop')).toEqual({ ok: false, problem: 'it redirects too many times' });
  });

  it('refuses what is not a raster image, too big, missing or too slow', async () => {
    expect(await get('/page')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a PNG.*text\/html/) });
    expect(await get('/vector.svg')).toMatchObject({ ok: false, problem: expect.stringMatching(/image\/svg\+xml/) });
    expect(await get('/declared-big.png')).toMatchObject({ ok: false, problem: expect.stringMatching(/larger than 1000 kB/) });
    expect(await get('/streamed-big.png')).toMatchObject({ ok: false, problem: expect.stringMatching(/larger than/) });
    expect(await get('/missing.png')).toEqual({ ok: false, problem: 'the server answered HTTP 404' });
    expect(await get('/slow.png', { timeoutMs: 200 })).toEqual({ ok: false, problem: 'it did not arrive within 0.2 s' });
    expect(await fetchChallengeImage('ftp://example.test/a.png', { fetch })).toMatchObject({ ok: false });
    expect(await fetchChallengeImage('http://127.0.0.1:1/a.png', { fetch })).toMatchObject({ ok: false, problem: expect.stringMatching(/could not be reached/) });
  });
});

describe('withChallengeImages', () => {
  it('gives every image choice an inline src or a reason, and leaves other challenges alone', async () => {
    const b64 = PNG.toString('base64');
    const views = await withChallengeImages(
      [
        { type: 'ImageSelection', prompt: 'Select your security image.', iterables: [`${host.base}/ok.png`, b64, `${host.base}/page`] },
        { type: 'MultipleChoice', prompt: 'Colour?', iterables: ['Red', `${host.base}/ok.png`] },
      ],
      (url) => fetchChallengeImage(url, { fetch }),
    );
    expect(views[0]!.iterables[0]).toBe(`${host.base}/ok.png`);
    expect(views[0]!.images).toEqual([
      { src: `data:image/png;base64,${b64}`, problem: null },
      { src: `data:image/png;base64,${b64}`, problem: null },
      { src: null, problem: expect.stringMatching(/^The image could not be loaded: it is not a PNG/) },
    ]);
    expect(views[1]).toEqual({ type: 'MultipleChoice', prompt: 'Colour?', iterables: ['Red', `${host.base}/ok.png`] });
    expect(JSON.stringify(views[0]!.images)).not.toContain('http://');
  });
});
