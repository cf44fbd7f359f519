// Fetches a URL (https; plain http only from this machine's loopback, for mirrors under test)
// or copies a local file into a destination we own, hashing as it goes and refusing anything
// over the size limit or shorter than announced. A redirect may not leave https. The caller
// decides what to trust; this only reports what arrived.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

export interface Downloaded {
  path: string;
  bytes: number;
  sha256: string;
}

export class DownloadError extends Error {
  constructor(message: string, readonly source: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Loopback hosts: plain http there never crosses a network. */
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** https anywhere; http only to loopback. Why not, or undefined when allowed. */
export function urlRefusal(url: URL): string | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return url.protocol === 'http:' ? 'plain http:// can be altered on the way: use an https:// URL' : `unsupported URL scheme ${url.protocol}`;
}

export async function download(source: string, dest: string, opts: DownloadOptions): Promise<Downloaded> {
  if (isUrl(source)) {
    const refused = urlRefusal(new URL(source));
    if (refused) throw new DownloadError(`refused: ${refused}`, source);
  }
  // The socket's idle timeout also ends a body that stalls half-way; it must read as a
  // timeout, not as the connection closing.
  const stalled = { hit: false };
  try {
    const { stream, expected } = isUrl(source) ? await openUrl(source, opts, opts.maxRedirects ?? 5, stalled) : await openFile(source, opts.maxBytes);
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > opts.maxBytes) return done(new DownloadError(`larger than the ${Math.round(opts.maxBytes / 1048576)} MiB limit`, source));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(stream, meter, createWriteStream(dest, { mode: 0o600 }));
    if (expected !== undefined && bytes !== expected) throw new DownloadError(`truncated: received ${bytes} of ${expected} bytes`, source);
    return { path: dest, bytes, sha256: hash.digest('hex') };
  } catch (error) {
    await rm(dest, { force: true });
    if (stalled.hit) throw new DownloadError(`timed out: nothing received for ${idleMs(opts) < 1000 ? `${idleMs(opts)} ms` : `${Math.round(idleMs(opts) / 1000)} s`}`, source);
    if (error instanceof DownloadError) throw error;
    const message = (error as Error).message;
    if (/aborted|ECONNRESET|premature close/i.test(message)) throw new DownloadError('truncated: the connection closed before the download finished', source);
    throw new DownloadError(message, source);
  }
}

async function openFile(source: string, maxBytes: number): Promise<{ stream: Readable; expected: number | undefined }> {
  const path = source.startsWith('file://') ? fileURLToPath(source) : source;
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new DownloadError(e.code === 'ENOENT' ? 'no such file' : e.message, source);
  });
  if (!info.isFile()) throw new DownloadError('not a regular file', source);
  if (info.size > maxBytes) throw new DownloadError(`larger than the ${Math.round(maxBytes / 1048576)} MiB limit`, source);
  return { stream: createReadStream(path), expected: info.size };
}

/** Never follow a redirect from https down to http, nor to a URL we would not fetch. On the parsed protocol: `HTTPS://` is https too. */
export function redirectAllowed(from: string, to: URL): boolean {
  return urlRefusal(to) === undefined && (new URL(from).protocol !== 'https:' || to.protocol === 'https:');
}

const idleMs = (opts: DownloadOptions): number => opts.timeoutMs ?? 60_000;

async function openUrl(url: string, opts: DownloadOptions, redirectsLeft: number, stalled: { hit: boolean }): Promise<{ stream: Readable; expected: number | undefined }> {
  const client = new URL(url).protocol === 'https:' ? await import('node:https') : await import('node:http');
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    // An idle timeout (no bytes for this long), so a large download on a slow link is fine.
    const req = client.get(url, { timeout: idleMs(opts), headers: { 'user-agent': 'duo-sso-setup' } }, resolve);
    req.on('timeout', () => {
      stalled.hit = true;
      req.destroy(new DownloadError('timed out', url));
    });
    req.on('error', reject);
  });
  const status = response.statusCode ?? 0;
  if (status >= 300 && status < 400 && response.headers.location) {
    response.resume();
    if (redirectsLeft <= 0) throw new DownloadError('too many redirects', url);
    const next = new URL(response.headers.location, url);
    if (!redirectAllowed(url, next)) throw new DownloadError(`refusing a redirect to ${next.protocol}`, url);
    return openUrl(next.toString(), opts, redirectsLeft - 1, stalled);
  }
  if (status !== 200) {
    response.resume();
    throw new DownloadError(`HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`, url);
  }
  const length = Number(response.headers['content-length']);
  if (Number.isFinite(length) && length > opts.maxBytes) {
    response.destroy();
    throw new DownloadError(`larger than the ${Math.round(opts.maxBytes / 1048576)} MiB limit`, url);
  }
  return { stream: response, expected: Number.isFinite(length) ? length : undefined };
}
