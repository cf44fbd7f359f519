// A write(2) may write fewer bytes than asked (a signal, a network file system): the marker
// writer goes on from where the last write stopped until every byte is there. writeSync is
// made to write at most a few bytes per call; everything else is the real file system.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const short = vi.hoisted(() => ({ max: Infinity, calls: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => {
    short.calls++;
    return real.writeSync(fd, buffer, offset, Math.min(length, short.max), position);
  }) as typeof real.writeSync;
  return { ...real, writeSync, default: { ...real, writeSync } };
});

const { writeOwnFileSync } = await import('../../src/fs/safe-read.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'short-writes-'));
});
afterEach(async () => {
  Object.assign(short, { max: Infinity, calls: 0 });
  await rm(dir, { recursive: true, force: true });
});

describe('writeOwnFileSync when each write stops short', () => {
  it('writes every byte, in order, at its place', async () => {
    short.max = 3;
    const p = join(dir, 'marker');
    const text = 'duo-sso-setup 1.2.3 — écrit\n';
    writeOwnFileSync(p, text);
    expect(await readFile(p, 'utf8')).toBe(text);
    // The writes really stopped short (the case is not passed by one whole write).
    expect(short.calls).toBeGreaterThan(1);
  });
});
