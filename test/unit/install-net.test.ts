import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import https from 'node:https';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DownloadError, download, redirectAllowed } from '../../src/net/download.js';
import { parseVerifyStatus, normaliseFingerprint } from '../../src/net/gpg-verify.js';
import { ReleaseServer } from '../support/release-server.js';

let dir: string;
let server: ReleaseServer;
const body = Buffer.from('#!/bin/sh\necho hello\n'.repeat(100));
const sha = createHash('sha256').update(body).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'install-net-'));
  server = await ReleaseServer.start({
    '/ok': body,
    '/short': { truncate: { body: body.subarray(0, 100), length: body.length } },
    '/gone': { status: 404 },
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('download', () => {
  it('fetches over http and reports size and sha256', async () => {
    const got = await download(`${server.url}/ok`, join(dir, 'ok'), { maxBytes: 1 << 20 });
    expect(got).toMatchObject({ bytes: body.length, sha256: sha });
    expect(await readFile(join(dir, 'ok'))).toEqual(body);
  });

  it('copies a local file the same way', async () => {
    const src = join(dir, 'src');
    await writeFile(src, body);
    expect((await download(src, join(dir, 'copy'), { maxBytes: 1 << 20 })).sha256).toBe(sha);
  });

  it.each([
    ['/short', /truncated|closed/],
    ['/gone', /HTTP 404/],
  ])('rejects %s and leaves no file', async (path, message) => {
    const dest = join(dir, `bad${path.replace('/', '-')}`);
    await expect(download(`${server.url}${path}`, dest, { maxBytes: 1 << 20 })).rejects.toThrow(message);
    expect(existsSync(dest)).toBe(false);
  });

  it('refuses anything over the size limit', async () => {
    const dest = join(dir, 'big');
    await expect(download(`${server.url}/ok`, dest, { maxBytes: 100 })).rejects.toBeInstanceOf(DownloadError);
    await expect(download(join(dir, 'src'), dest, { maxBytes: 100 })).rejects.toThrow(/limit/);
    expect(existsSync(dest)).toBe(false);
  });

  it.each([
    ['answers nothing', (_req: IncomingMessage, _res: ServerResponse) => undefined],
    ['stalls half-way through the body', (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('first bytes');
    }],
  ])('a server that %s times out as a timeout (not as a truncated download) and leaves no file', async (_what, handler) => {
    const stalling = createServer(handler);
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const dest = join(dir, 'stalled');
    try {
      const { port } = stalling.address() as AddressInfo;
      await expect(download(`http://127.0.0.1:${port}/x`, dest, { maxBytes: 1 << 20, timeoutMs: 300 })).rejects.toThrow('timed out: nothing received for 300 ms');
      expect(existsSync(dest)).toBe(false);
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  it('says when a local file does not exist', async () => {
    await expect(download(join(dir, 'nope'), join(dir, 'x'), { maxBytes: 100 })).rejects.toThrow('no such file');
  });
});

describe('redirects', () => {
  it.each([
    ['https://example.com/a', 'http://example.com/b', false],
    ['HTTPS://example.com/a', 'http://example.com/b', false],
    ['Https://example.com/a', 'file:///etc/passwd', false],
    ['HTTPS://example.com/a', 'https://cdn.example.com/b', true],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b', true],
    ['http://127.0.0.1:8080/a', 'http://example.com/b', false],
    ['HTTP://localhost/a', 'https://example.com/b', true],
  ])('from %s to %s: allowed %s', (from, to, allowed) => {
    expect(redirectAllowed(from, new URL(to))).toBe(allowed);
  });

  it.each([
    ['http://example.com/duo-sso', /refused: plain http:\/\/ can be altered on the way: use an https:\/\/ URL/],
    ['HTTP://10.0.0.1/duo-sso', /refused: plain http/],
    ['http://127.0.0.2.example.com/duo-sso', /refused: plain http/],
  ])('refuses %s before connecting (https only; http on loopback for tests)', async (url, message) => {
    await expect(download(url, join(tmpdir(), 'never-written'), { maxBytes: 1 << 20 })).rejects.toThrow(message);
  });

  it('refuses an https to http redirect when the URL was written HTTPS://', async () => {
    // A self-signed 127.0.0.1 certificate, trusted by the https agent for this test only.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'tls.key'), '-out', join(dir, 'tls.crt')], { stdio: 'ignore' });
    const cert = await readFile(join(dir, 'tls.crt'));
    const tls = https.createServer({ key: await readFile(join(dir, 'tls.key')), cert }, (_req, res) => {
      res.writeHead(302, { location: `${server.url}/ok` }).end();
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const saved = https.globalAgent.options.ca;
    https.globalAgent.options.ca = cert;
    try {
      const { port } = tls.address() as AddressInfo;
      const dest = join(dir, 'downgraded');
      await expect(download(`HTTPS://127.0.0.1:${port}/redirect`, dest, { maxBytes: 1 << 20 })).rejects.toThrow('refusing a redirect to http:');
      expect(existsSync(dest)).toBe(false);
    } finally {
      https.globalAgent.options.ca = saved;
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});

describe('gpg status parsing', () => {
  const fpr = 'FB5DB77FD5C118B80511ADA8A6310ACC4672475C';
  it('takes the primary fingerprint from the last VALIDSIG field', () => {
    const status = [
      '[GNUPG:] NEWSIG',
      `[GNUPG:] GOODSIG A6310ACC4672475C AWS CLI Team <aws-cli@amazon.com>`,
      `[GNUPG:] VALIDSIG 1111111111111111111111111111111111111111 2024-01-01 1704067200 0 4 0 1 10 00 ${fpr}`,
    ].join('\n');
    expect(parseVerifyStatus(status)).toEqual({ good: true, expiredKey: false, revoked: false, bad: false, primary: fpr });
  });
  it('recognises a bad signature', () => {
    expect(parseVerifyStatus('[GNUPG:] BADSIG A6310ACC4672475C AWS CLI Team')).toMatchObject({ good: false, bad: true, primary: undefined });
  });
  it('normalises fingerprints written with spaces', () => {
    expect(normaliseFingerprint('fb5d b77f d5c1 18b8 0511  ada8 a631 0acc 4672 475c')).toBe(fpr);
  });
});
