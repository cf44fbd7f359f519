// Issue 21's critical bug, reproduced with real processes: several `credentials restore` runs
// of different profiles at once, against the built CLI, real pass and gpg. restore used to
// write text it computed before it took the file's lock, so one run's write overwrote another's
// after that one had already deleted its store entry: the keys were gone from both places while
// both runs said "✓ keys back". After every round each profile's keys must be in the file and
// nowhere else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Sandbox, createGpgKey } from '../support/sandbox.js';

const ROUNDS = Number(process.env.DUO_SSO_SETUP_RESTORE_ROUNDS ?? 4);
const PROFILES = ['p1', 'p2', 'p3', 'p4'];

let box: Sandbox;
beforeAll(async () => {
  box = await Sandbox.create({ tools: ['gpg', 'pass'] });
  await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
}, 60_000);
afterAll(async () => {
  await box?.cleanup();
});

function keysFor(profile: string) {
  return { id: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`, secret: `${profile}-${randomBytes(18).toString('base64url')}`, token: `IQoJ${randomBytes(24).toString('base64url')}` };
}

async function storedProfiles(): Promise<string[]> {
  const dir = box.path('.password-store/duo-sso-setup/aws');
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.gpg')).map((n) => n.slice(0, -4)).sort();
}

describe('concurrent credentials restore (real processes, pass)', () => {
  it(`${ROUNDS} rounds of ${PROFILES.length} restores at once: every profile's keys end up in the file and only there`, async () => {
    const losses: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const keys = Object.fromEntries(PROFILES.map((p) => [p, keysFor(p)]));
      await box.write('.aws/credentials', PROFILES.map((p) => `[${p}]\naws_access_key_id = ${keys[p]!.id}\naws_secret_access_key = ${keys[p]!.secret}\naws_session_token = ${keys[p]!.token}\n`).join('\n'), 0o600);
      await box.write('.aws/config', '[default]\nregion = us-east-1\n', 0o600);
      const migrate = await box.run(['credentials', 'migrate', '--store', 'pass', '--yes', '--json'], { timeoutMs: 90_000 });
      expect(migrate.exitCode, migrate.stderr).toBe(0);
      expect(await storedProfiles()).toEqual(PROFILES);
      const runs = await Promise.all(PROFILES.map((p) => box.run(['credentials', 'restore', '--profile', p, '--store', 'pass', '--yes'], { timeoutMs: 90_000 })));
      const credentials = await box.read('.aws/credentials');
      const config = await box.read('.aws/config');
      const stored = await storedProfiles();
      for (const [i, p] of PROFILES.entries()) {
        const inFile = credentials.includes(keys[p]!.secret);
        const inStore = stored.includes(p);
        if (inFile === inStore) losses.push(`round ${round}: ${p} ${inFile ? 'in both places' : 'LOST'} (restore exit ${runs[i]!.exitCode}: ${runs[i]!.stderr.trim() || runs[i]!.stdout.trim()})`);
        if (runs[i]!.exitCode !== 0) losses.push(`round ${round}: restore ${p} exited ${runs[i]!.exitCode}: ${runs[i]!.stderr.trim()}`);
        if (config.includes(`credential-process --profile ${p}`) && !inStore) losses.push(`round ${round}: ${p}'s credential_process line has no store entry`);
      }
    }
    expect(losses).toEqual([]);
  }, 600_000);
});
