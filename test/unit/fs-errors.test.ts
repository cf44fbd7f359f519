// The classifier behind every "cannot write" message: the path, the cause in words, a fix
// that can work there.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFsProblem, fsUserError, FS_CODES } from '../../src/fs/fs-errors.js';

describe('describeFsProblem', () => {
  it.each(FS_CODES)('%s names the path and gives a fix', (code) => {
    const p = describeFsProblem(code, '/home/ann/.config', 'ann');
    expect(p.path).toBe('/home/ann/.config');
    expect(p.cause.length).toBeGreaterThan(5);
    expect(p.fix.length).toBeGreaterThan(10);
  });

  it('a read-only file system gets no chmod or chown advice; permissions do', () => {
    expect(describeFsProblem('EROFS', '/h', 'ann').fix).not.toMatch(/chmod|chown/);
    expect(describeFsProblem('EACCES', '/h', 'ann').fix).toMatch(/chown ann \/h/);
  });
});

describe('fsUserError', () => {
  it('a file where a folder is needed (mkdir under a HOME that is a file) names the file, not the whole path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-errors-'));
    const home = join(dir, 'home');
    writeFileSync(home, 'x');
    const error = await mkdir(join(home, '.config', 'duo-sso'), { recursive: true }).catch((e: unknown) => e);
    const explained = await fsUserError(error);
    expect(explained?.message).toBe(`${home}: it is a file where a folder is needed`);
    expect(explained?.message).not.toMatch(/bug/);
  });

  it('leaves anything that is not a file system refusal alone (it is a bug)', async () => {
    expect(await fsUserError(new TypeError('x is undefined'))).toBeUndefined();
    expect(await fsUserError(Object.assign(new Error('socket'), { code: 'ECONNRESET' }))).toBeUndefined();
  });

  it('a copy onto a full disk names the target (dest), not the source', async () => {
    const error = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'copyfile', path: '/tmp/src', dest: '/home/ann/.local/bin/.duo-sso.tmp' });
    expect((await fsUserError(error))?.message).toBe('/home/ann/.local/bin/.duo-sso.tmp: no space is left on its file system');
  });
});
