// Issue 10, end to end on the third-party corpus (../shared/corpus/project-fixtures/aws-files/): each file as
// ~/.aws/credentials, every profile with keys migrated into a real pass store, and the real
// AWS CLI (`/usr/bin/aws configure export-credentials`) must give every profile the same keys
// as before, ours now through credential_process; restore puts the file back byte for byte.
// Files the AWS CLI cannot parse are refused and left byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Sandbox, createGpgKey } from '../support/sandbox.js';
import { CORPUS_DIR, CORPUS_MISSING, corpusFiles } from '../support/aws-corpus.js';
import { viewOfBytes } from '../../src/aws/shared-files.js';
import { unsafeProfileName } from '../../src/credentials/migrate-files.js';

let box: Sandbox;
beforeAll(async () => {
  box = await Sandbox.create({ tools: ['gpg', 'pass', '/usr/bin/aws'] });
  await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
});
afterAll(async () => {
  await box?.cleanup();
});

const corpus = corpusFiles().map((f) => ({ ...f, view: viewOfBytes(undefined, f.bytes) }));
const withKeys = corpus.filter((f) => !('error' in f.view) && Object.values(f.view.credentials).some((c) => c !== null && 'keys' in c));
const broken = corpus.filter((f) => 'error' in f.view);

/** The keys the real AWS CLI resolves for a profile (or its error), without the expiry we add. */
async function exported(profile: string): Promise<unknown> {
  const r = await box.exec(join(box.bin, 'aws'), ['configure', 'export-credentials', '--profile', profile, '--format', 'process'], { env: { AWS_EC2_METADATA_DISABLED: 'true' } });
  if (r.exitCode !== 0) return { exitCode: r.exitCode };
  const { AccessKeyId, SecretAccessKey, SessionToken } = r.json as Record<string, string>;
  return { AccessKeyId, SecretAccessKey, SessionToken };
}

async function reset(bytes: Buffer): Promise<void> {
  await rm(box.path('.aws'), { recursive: true, force: true });
  await box.write('.aws/credentials', bytes, 0o600);
}

describe.skipIf(!CORPUS_DIR)(`the corpus through migrate, the real AWS CLI and restore${CORPUS_MISSING}`, () => {
  it.each(withKeys.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    await reset(f.bytes);
    const view = f.view as Exclude<typeof f.view, { error: string }>;
    const profiles = Object.keys(view.profiles);
    const before = Object.fromEntries(await Promise.all(profiles.map(async (p) => [p, await exported(p)] as const)));
    const movable = profiles.filter((p) => {
      const c = view.credentials[p];
      return c && 'keys' in c && !unsafeProfileName(p) && c.keys[0] !== '' && c.keys[1] !== '';
    });
    const migrate = await box.run(['credentials', 'migrate', ...movable.flatMap((p) => ['--profile', p]), '--store', 'pass', '--yes', '--json']);
    expect(migrate.stderr).toBe('');
    expect(migrate.json).toMatchObject({ profiles: movable.map((profile) => ({ profile, status: 'migrated' })) });
    const config = await box.read('.aws/config');
    for (const p of movable) expect(config).toContain(`credential-process --profile ${p}`);
    const after = Object.fromEntries(await Promise.all(profiles.map(async (p) => [p, await exported(p)] as const)));
    expect(after).toEqual(before);
    const restore = await box.run(['credentials', 'restore', '--yes', '--json']);
    expect(restore.exitCode).toBe(0);
    expect(restore.json).toMatchObject({ profiles: [...movable].reverse().map((profile) => ({ profile, status: 'restored', how: 'exact' })) });
    expect(await readFile(box.path('.aws/credentials'))).toEqual(f.bytes);
    await expect(readFile(box.path('.aws/config'))).rejects.toThrow();
  }, 240_000);

  it.each(broken.map((f) => [f.name, f] as const))('%s: the AWS CLI cannot parse it; migrate refuses and leaves it byte for byte', async (_name, f) => {
    await reset(f.bytes);
    const migrate = await box.run(['credentials', 'migrate', '--profile', 'default', '--store', 'pass', '--yes']);
    expect(migrate.exitCode).toBe(1);
    expect(migrate.stderr).toMatch(/credentials:\d+(:\d+)?: line \d+ .*(the AWS CLI cannot read|left as it is)/);
    expect(await readFile(box.path('.aws/credentials'))).toEqual(f.bytes);
  }, 60_000);
});
