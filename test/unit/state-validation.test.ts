import { execFileSync } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseState, readState, readStateChecked, updateState } from '../../src/state/state.js';
import { tooDeepAt } from '../../src/parsers/json-depth.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const deep = (n: number) => `{"x": ${'['.repeat(n)}${']'.repeat(n)}}`;

describe('state.json is validated by type', () => {
  it.each([
    ['{"storedProfiles": 5}', /"storedProfiles" is number 5, not a list of profile names/],
    ['{"storedProfiles": "dev"}', /"storedProfiles" is string "dev"/],
    ['{"productionProfiles": [1]}', /"productionProfiles" is a list, not a list of profile names/],
    ['{"durations": []}', /"durations" is a list/],
    ['{"roles": {"1:admin": {"max": "3600"}}}', /"roles" is an object, not an object of \{max, below, at\}/],
    ['{"secretStore": "vault"}', /"secretStore" is string "vault", not "keychain" or "pass"/],
    ['{"version": 2}', /"version" is number 2/],
    ['[]', /it is a list, not an object/],
    ['null', /it is null, not an object/],
    ['{"a":1,}', /not valid JSON/],
    [deep(5000), /nested more than 64 levels deep/],
  ])('%s is damaged, never half-used', async (text, why) => {
    const read = parseState(text);
    expect(read.kind).toBe('damaged');
    expect(read.kind === 'damaged' && read.why).toMatch(why);
    await writeFile(join(dir, 'state.json'), text);
    expect(await readState({ stateFile: join(dir, 'state.json') })).toEqual({ version: 1, productionProfiles: [], durations: {}, roles: {} });
  });

  it('keeps fields it does not know (a newer version\'s) and fills in missing ones', () => {
    expect(parseState('{"storedProfiles": ["dev"], "journal": {"x": 1}}')).toEqual({
      kind: 'ok',
      state: { version: 1, productionProfiles: [], durations: {}, roles: {}, storedProfiles: ['dev'], journal: { x: 1 } },
    });
  });

  it('any JSON value in any field: never throws, and what it accepts has the declared types', () => {
    const fields = ['version', 'productionProfiles', 'storedProfiles', 'durations', 'roles', 'tapUrl', 'secretStore', 'loginStore', 'latestVersions'];
    const kinds: Record<string, number> = {};
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 })), (value) => {
      const read = parseState(JSON.stringify(value));
      kinds[read.kind] = (kinds[read.kind] ?? 0) + 1;
      if (read.kind !== 'ok') return;
      const s = read.state;
      expect(Array.isArray(s.productionProfiles) && s.productionProfiles.every((x) => typeof x === 'string')).toBe(true);
      if (s.storedProfiles !== undefined) expect(s.storedProfiles.every((x) => typeof x === 'string')).toBe(true);
      expect(typeof s.durations === 'object' && !Array.isArray(s.durations)).toBe(true);
      if (s.secretStore !== undefined) expect(['keychain', 'pass']).toContain(s.secretStore);
    }), { numRuns: 2000 });
    // Both sides taken often enough (about 1 in 10 is accepted and its types checked).
    expect(kinds.ok).toBeGreaterThan(100);
    expect(kinds.damaged).toBeGreaterThan(1000);
  });

  it('finds the bracket that goes too deep, skipping brackets inside strings', () => {
    expect(tooDeepAt('{"a": "[[[[[[["}', 2)).toBeUndefined();
    expect(tooDeepAt('{"a": [[1]]}', 2)).toBe(7);
    expect(tooDeepAt('{"a\\"[": [1]}', 2)).toBeUndefined();
  });
});

describe('a damaged or planted state.json', () => {
  it('is moved aside (with a note) and a fresh one is written, never merged', async () => {
    const stateFile = join(dir, 'state.json');
    await writeFile(stateFile, '{"storedProfiles": "dev", "productionProfiles": ["prod"]}');
    const written = await updateState({ stateFile }, (s) => ({ ...s, tapUrl: 'https://example.com/tap' }));
    expect(written.productionProfiles).toEqual([]);
    const aside = (await readdir(dir)).filter((n) => n.startsWith('state.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toContain('"dev"');
  });

  it('a symlink to someone else\'s file is never read or written through: the link is moved aside, its target untouched', async () => {
    const victim = join(dir, 'root-owned-file');
    await writeFile(victim, 'precious\n', { mode: 0o644 });
    const stateFile = join(dir, 'state.json');
    await symlink(victim, stateFile);
    expect((await readStateChecked({ stateFile })).kind).toBe('damaged');
    await updateState({ stateFile }, (s) => ({ ...s, tapUrl: 'x' }));
    expect(await readFile(victim, 'utf8')).toBe('precious\n');
    expect((await lstat(stateFile)).isFile()).toBe(true);
    const aside = (await readdir(dir)).find((n) => n.startsWith('state.json.damaged-'))!;
    expect(await readlink(join(dir, aside))).toBe(victim);
    expect((await readdir(dir)).filter((n) => n.startsWith('root-owned-file.'))).toEqual([]);
  });

  it('a named pipe is not opened for ever: reads as damaged at once', async () => {
    const stateFile = join(dir, 'state.json');
    execFileSync('mkfifo', [stateFile]);
    const read = await readStateChecked({ stateFile });
    expect(read).toEqual({ kind: 'damaged', why: 'it is a named pipe, not a regular file' });
  });
});
