// After writing ~/.aws/config and credentials, migrate and restore read both back: if another
// profile would resolve differently for the AWS CLI, the originals go back and the command
// fails; if another program wrote the files meanwhile, its content is left alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaths, type Paths } from '../../src/platform/paths.js';
import { VerifyFailed, verifyAfterWrite } from '../../src/credentials/verify-write.js';

let home: string;
let paths: Paths;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'aws-verify-'));
  paths = resolvePaths({ HOME: home });
  await mkdir(join(home, '.aws'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const before = { config: '[profile a]\nregion = x\n', credentials: '[dev]\naws_access_key_id = A\naws_secret_access_key = S\n[other]\naws_access_key_id = O\naws_secret_access_key = P\n' };

describe('verifyAfterWrite', () => {
  it('accepts a write that changes only the intended profile', async () => {
    const written = { config: `${before.config}[profile dev]\ncredential_process = /x credential-process --profile dev\n`, credentials: '[dev]\n[other]\naws_access_key_id = O\naws_secret_access_key = P\n' };
    await writeFile(paths.awsConfig, written.config);
    await writeFile(paths.awsCredentials, written.credentials);
    await expect(verifyAfterWrite(paths, before, written, 'dev')).resolves.toBeUndefined();
  });

  it('puts the originals back when another profile would change', async () => {
    const written = { config: before.config, credentials: '[dev]\n[other]\naws_access_key_id = O\n' };
    await writeFile(paths.awsConfig, written.config);
    await writeFile(paths.awsCredentials, written.credentials);
    const error = await verifyAfterWrite(paths, before, written, 'dev').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerifyFailed);
    expect(error).toMatchObject({ restored: true, message: expect.stringContaining('profile other differently; both files were put back') });
    expect(await readFile(paths.awsCredentials, 'utf8')).toBe(before.credentials);
    expect(await readFile(paths.awsConfig, 'utf8')).toBe(before.config);
  });

  it('leaves files another program wrote meanwhile', async () => {
    const written = { config: before.config, credentials: '[dev]\n[other]\naws_access_key_id = O\naws_secret_access_key = P\n' };
    const theirs = '[dev]\n[other]\nregion = changed\n';
    await writeFile(paths.awsConfig, written.config);
    await writeFile(paths.awsCredentials, theirs);
    await expect(verifyAfterWrite(paths, before, written, 'dev')).rejects.toMatchObject({ restored: false });
    expect(await readFile(paths.awsCredentials, 'utf8')).toBe(theirs);
  });

  it('a config the write created is removed again when put back', async () => {
    const noConfig = { config: undefined, credentials: before.credentials };
    const written = { config: '[profile dev]\nregion = y\n[profile other]\nregion = z\n', credentials: before.credentials };
    await writeFile(paths.awsConfig, written.config);
    await writeFile(paths.awsCredentials, written.credentials);
    await expect(verifyAfterWrite(paths, noConfig, written, 'dev')).rejects.toMatchObject({ restored: true });
    await expect(readFile(paths.awsConfig)).rejects.toThrow();
  });
});
