// Expiry is a fact or a safe bound (issue 19): over generated sequences of logins (ours, an
// older version's record, duo-sso run by hand), touches of the credentials file, `credentials
// migrate` and `status`, with a fake clock, every expiry the real functions give (migrate's
// record, which credential-process hands out and renewal schedules from; status's) is never
// later than when STS really ends the session. The old estimate (the file's modification time
// + the session duration) fails this at the first touch.
// EXPIRY_PROPERTY_RUNS=1000 for the big run (default: a quick one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStore } from '../support/memory-store.js';
import { resolvePaths, type Paths } from '../../src/platform/paths.js';
import { migrateProfiles } from '../../src/credentials/migrate.js';
import { rememberSuccess } from '../../src/login/apply-repairs.js';
import { gatherStatus } from '../../src/login/status.js';
import { updateState } from '../../src/state/state.js';
import { keyFingerprint, withSession } from '../../src/state/sessions.js';
import { LONGEST_DUO_SSO_RUN_MS } from '../../src/credentials/expiration.js';
import type { Context, GlobalOptions } from '../../src/context.js';

const RUNS = Number(process.env.EXPIRY_PROPERTY_RUNS ?? 100);
const PROFILES = ['dev', 'prod'] as const;
type Profile = (typeof PROFILES)[number];

type Event =
  /** Our login: duo-sso starts now, STS issues the keys `issueAfterMs` into a run of `runMs`. */
  | { kind: 'login'; profile: Profile; durationS: number; runMs: number; issueAt: number; old: boolean }
  /** duo-sso run by hand: nothing of ours sees it. */
  | { kind: 'duo-sso'; profile: Profile; durationS: number }
  | { kind: 'touch' }
  | { kind: 'wait'; ms: number }
  | { kind: 'migrate' }
  | { kind: 'status' };

const profile = fc.constantFrom(...PROFILES);
const duration = fc.constantFrom(900, 3600, 7200, 28800, 43200);
const event: fc.Arbitrary<Event> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('login' as const), profile, durationS: duration, runMs: fc.integer({ min: 1_000, max: LONGEST_DUO_SSO_RUN_MS }), issueAt: fc.double({ min: 0, max: 1, noNaN: true }), old: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duo-sso' as const), profile, durationS: duration }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'touch' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1_000, max: 5 * 3600_000 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'migrate' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'status' as const }) },
);

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'expiry-property-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const options: GlobalOptions = { json: false, yes: true, dryRun: false, verbose: false, color: false };
let serial = 0;
/** How many expiries were compared, and how many migrations went through (the property must not hold vacuously). */
const seen = { checked: 0, migrated: 0 };

/** The credentials file as duo-sso writes it: every profile's current keys. */
function credentialsText(keys: Map<Profile, string>): string {
  return [...keys].map(([p, id]) => `[${p}]\naws_access_key_id = ${id}\naws_secret_access_key = secret-${id}\naws_session_token = token-${id}\n`).join('\n');
}

async function runSequence(events: Event[]): Promise<void> {
  const home = join(root, `h${serial++}`);
  const paths: Paths = resolvePaths({ HOME: home });
  await mkdir(join(home, '.aws'), { recursive: true });
  let clock = Date.parse('2026-12-07T08:00:00Z');
  const ctx = { paths, options, now: () => new Date(clock), env: {} } as unknown as Context;
  const truth = new Map<string, number>(); // access key id -> when STS ends its session
  const inFile = new Map<Profile, string>(); // keys duo-sso wrote that migrate has not moved yet
  const store = memoryStore();
  const check = (what: string, iso: string | undefined, keyId: string | undefined) => {
    if (iso === undefined || keyId === undefined) return;
    seen.checked++;
    expect(Date.parse(iso), `${what}: ${iso} is later than the truth ${new Date(truth.get(keyId)!).toISOString()}`).toBeLessThanOrEqual(truth.get(keyId)!);
  };
  const duoSsoWrites = async (p: Profile, issued: number, durationS: number) => {
    const id = `ASIA${String(serial).padStart(6, '0')}${String(truth.size).padStart(6, '0')}`;
    truth.set(id, issued + durationS * 1000);
    inFile.set(p, id);
    await writeFile(paths.awsCredentials, credentialsText(inFile), { mode: 0o600 });
  };
  for (const e of events) {
    switch (e.kind) {
      case 'login': {
        const started = new Date(clock);
        const issued = clock + Math.floor(e.issueAt * e.runMs);
        clock = issued;
        await duoSsoWrites(e.profile, issued, e.durationS);
        clock = started.getTime() + e.runMs;
        if (e.old) {
          // What a version before this fix recorded: the run's end + the duration.
          const id = inFile.get(e.profile)!;
          await updateState(paths, (s) => withSession(s, e.profile, { expires: new Date(clock + e.durationS * 1000).toISOString(), key: keyFingerprint(id), durationSeconds: e.durationS, at: new Date(clock).toISOString() }));
        } else {
          await rememberSuccess(ctx, e.profile, e.durationS, started);
        }
        break;
      }
      case 'duo-sso':
        await duoSsoWrites(e.profile, clock, e.durationS);
        clock += 2_000;
        break;
      case 'touch': {
        const t = new Date(clock);
        await utimes(paths.awsCredentials, t, t).catch(() => undefined);
        break;
      }
      case 'wait':
        clock += e.ms;
        break;
      case 'migrate': {
        const profiles = [...inFile.keys()];
        if (profiles.length === 0) break;
        // Expired keys are refused (an error that changes nothing): one profile at a time.
        for (const p of profiles) {
          const id = inFile.get(p)!;
          const outcome = await migrateProfiles(ctx, [p], store, { self: ['/usr/bin/node', '/opt/cli.js'] }).then((o) => o[0], () => undefined);
          if (!outcome) continue;
          check(`migrate ${p}`, outcome.expiration, id);
          inFile.delete(p);
          seen.migrated++;
          // What credential-process hands out and renewal schedules from: the stored entry.
          const entry = JSON.parse(store.data.get(`aws/${p}`)!) as { Expiration?: string; AccessKeyId: string };
          check(`stored entry ${p}`, entry.Expiration, entry.AccessKeyId);
        }
        break;
      }
      case 'status': {
        const report = await gatherStatus(ctx, { verify: false });
        for (const s of report.profiles) {
          const id = inFile.get(s.name as Profile) ?? (store.data.has(`aws/${s.name}`) ? (JSON.parse(store.data.get(`aws/${s.name}`)!) as { AccessKeyId: string }).AccessKeyId : undefined);
          check(`status ${s.name}`, s.expires, id);
        }
        break;
      }
    }
  }
}

describe('expiry is never later than the truth', () => {
  it(`over ${RUNS} generated login/duo-sso/touch/wait/migrate/status sequences`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 12 }), runSequence), { numRuns: RUNS, endOnFailure: true });
    expect(seen.migrated).toBeGreaterThan(RUNS / 4);
    expect(seen.checked).toBeGreaterThan(RUNS / 2);
    process.stdout.write(`expiry property: ${RUNS} sequences, ${seen.migrated} migrations, ${seen.checked} expiries compared with the truth\n`);
  }, 600_000);

  it('a touch after login does not move the recorded expiry (it did: the old estimate used the file\'s time)', async () => {
    await runSequence([
      { kind: 'duo-sso', profile: 'dev', durationS: 3600 },
      { kind: 'wait', ms: 30 * 60_000 },
      { kind: 'touch' },
      { kind: 'login', profile: 'prod', durationS: 3600, runMs: 60_000, issueAt: 1, old: false },
      { kind: 'migrate' },
      { kind: 'status' },
    ]);
    expect(seen.checked).toBeGreaterThan(0);
  });
});
