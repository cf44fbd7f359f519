// Issue 21, Build 1: any mix of `credentials migrate`, `credentials restore`, `login` (the duo-sso
// simulator against the STS stand-in, with and without --store) and config edits, 2–8 real
// processes at once on N profiles, over schedules fast-check generates. After every batch:
//   - each secret is in exactly one place: once in ~/.aws/credentials XOR in the pass store,
//     and nowhere else under ~/.aws (no temp file or backup keeps one);
//   - every credential_process line of ours has its store entry;
//   - no duplicates: one [P] section, one key of each kind in it;
//   - nothing lost: a profile keeps the newest keys it had before the batch (or newer ones a
//     login of it issued during the batch);
//   - no config edit lost: every profile `config add-profile` added is in config.json.
// Default: a bounded number of schedules (about a minute on 2 cores). A big run:
//   DUO_SSO_SETUP_SCHEDULES=2000 npx vitest run test/e2e/credentials-interleave.test.ts
// Reproduce a failure with the seed it prints: DUO_SSO_SETUP_SEED=<seed>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Sandbox, createGpgKey, type RunOutput } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';

const SCHEDULES = Number(process.env.DUO_SSO_SETUP_SCHEDULES ?? 10);
const SEED = process.env.DUO_SSO_SETUP_SEED ? Number(process.env.DUO_SSO_SETUP_SEED) : Date.now() ^ (process.pid << 8);
const ALL = ['p1', 'p2', 'p3', 'p4'] as const;
type Profile = (typeof ALL)[number];
const accountOf = (p: Profile) => String(ALL.indexOf(p) + 1).repeat(12);

/** `kill`: SIGKILL this run so many ms after it started (then a bare restore of what the journal names finishes the rest). */
type Op =
  | { kind: 'migrate'; profiles: Profile[]; delay: number; kill?: number }
  | { kind: 'restore'; profiles: Profile[]; delay: number; kill?: number }
  | { kind: 'login'; profile: Profile; store: boolean; delay: number }
  | { kind: 'config'; delay: number };
interface Schedule {
  profiles: number;
  batches: Op[][];
}

const delay = fc.integer({ min: 0, max: 250 });
const someProfiles = fc.subarray([...ALL], { minLength: 0, maxLength: 2 });
// One run in eight is killed, somewhere between start-up and its end.
const kill = fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 300, max: 3000 }) });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('migrate' as const), profiles: someProfiles, delay, kill }, { requiredKeys: ['kind', 'profiles', 'delay'] }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('restore' as const), profiles: someProfiles, delay, kill }, { requiredKeys: ['kind', 'profiles', 'delay'] }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('login' as const), profile: fc.constantFrom(...ALL), store: fc.boolean(), delay }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('config' as const), delay }) },
);
const schedule: fc.Arbitrary<Schedule> = fc.record({
  profiles: fc.integer({ min: 2, max: 4 }),
  batches: fc.array(fc.array(op, { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
});

let box: Sandbox;
let sts: StsServer;
beforeAll(async () => {
  sts = await StsServer.start({ roles: Object.fromEntries(ALL.map((p) => [`arn:aws:iam::${accountOf(p)}:role/admin`, { maxSessionDuration: 3600 }])) });
  box = await Sandbox.create({ tools: ['gpg', 'pass'] });
  await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
  await installDuoSsoSim(box, { stsEndpoint: sts.url });
}, 60_000);
afterAll(async () => {
  await box?.cleanup();
  await sts?.close();
});

/** Every secret access key issued so far for each profile, oldest first (initial keys, then each login's). */
const issued = new Map<Profile, string[]>();
let serial = 0;

function inUse(count: number): Profile[] {
  return ALL.slice(0, count);
}

async function reset(s: Schedule): Promise<void> {
  await Promise.all(['.aws', '.config', '.password-store/duo-sso-setup'].map((d) => rm(box.path(d), { recursive: true, force: true })));
  issued.clear();
  const sections: string[] = [];
  for (const p of inUse(s.profiles)) {
    const secret = `initial${++serial}x${p}SECRETxxxxxxxxxxxxxxxxxxxxxxx`;
    issued.set(p, [secret]);
    sts.addCredentials({ accessKeyId: `ASIAINITIAL${String(serial).padStart(9, '0')}`, secretAccessKey: secret, sessionToken: `IQoJinitial${serial}`, expiration: new Date(Date.now() + 3600_000), account: accountOf(p), arn: `arn:aws:sts::${accountOf(p)}:assumed-role/admin/ann`, userId: 'AROA:ann' });
    sections.push(`[${p}]\naws_access_key_id = ASIAINITIAL${String(serial).padStart(9, '0')}\naws_secret_access_key = ${secret}\naws_session_token = IQoJinitial${serial}\n`);
  }
  await box.write('.aws/credentials', sections.join('\n'), 0o600);
  await box.write('.aws/config', '[default]\nregion = us-east-1\n', 0o600);
  await box.write('.config/duo-sso/config.json', `${JSON.stringify({
    url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
    session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
    profiles: Object.fromEntries(inUse(s.profiles).map((p) => [p, { aws_account_id: accountOf(p), aws_role_name: 'admin' }])),
  }, null, 2)}\n`, 0o600);
}

let extra = 0;
function argv(o: Op, profiles: Profile[]): { args: string[]; added?: string } {
  const named = (ps: Profile[]) => ps.filter((p) => profiles.includes(p)).flatMap((p) => ['--profile', p]);
  switch (o.kind) {
    case 'migrate':
      return { args: ['credentials', 'migrate', ...named(o.profiles), '--store', 'pass', '--yes', '--json'] };
    case 'restore':
      return { args: ['credentials', 'restore', ...named(o.profiles), '--store', 'pass', '--yes', '--json'] };
    case 'login':
      return { args: ['login', '--profile', profiles.includes(o.profile) ? o.profile : profiles[0]!, '--no-verify', '--yes', '--json', ...(o.store ? ['--store', 'pass'] : [])] };
    case 'config': {
      const name = `extra${++extra}`;
      return { args: ['config', 'add-profile', name, '--account', '999999999999', '--role', 'viewer', '--yes'], added: name };
    }
  }
}

/** The keys of each profile issued by the STS stand-in since `known`, appended in issue order. */
function learnIssued(profiles: Profile[]): void {
  for (const c of sts.issued.values()) {
    const p = profiles.find((q) => c.account === accountOf(q));
    if (p && !issued.get(p)!.includes(c.secretAccessKey)) issued.get(p)!.push(c.secretAccessKey);
  }
}

interface Snapshot {
  credentials: string;
  config: string;
  store: Map<string, string>;
  /** Other files under ~/.aws, with their text. */
  others: Map<string, string>;
}

async function snapshot(): Promise<Snapshot> {
  const read = (rel: string) => readFile(box.path(rel), 'utf8').catch(() => '');
  const store = new Map<string, string>();
  const dir = box.path('.password-store/duo-sso-setup/aws');
  for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.gpg'))) {
    const shown = await box.exec(join(box.bin, 'pass'), ['show', `duo-sso-setup/aws/${name.slice(0, -4)}`]);
    store.set(name.slice(0, -4), shown.exitCode === 0 ? shown.stdout : `(unreadable: ${shown.stderr.trim()})`);
  }
  const others = new Map<string, string>();
  for (const e of await readdir(box.path('.aws'), { withFileTypes: true }).catch(() => [])) {
    if (e.isFile() && e.name !== 'credentials') others.set(e.name, await read(`.aws/${e.name}`));
  }
  return { credentials: await read('.aws/credentials'), config: await read('.aws/config'), store, others };
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** Section name → its lines, in file order (a header seen twice is reported). */
function sections(text: string): { names: string[]; body: Map<string, string[]> } {
  const names: string[] = [];
  const body = new Map<string, string[]>();
  let current = '';
  for (const line of text.split(/\r?\n/)) {
    const h = /^\s*\[([^\]]+)\]/.exec(line);
    if (h) {
      current = h[1]!.trim();
      names.push(current);
      if (!body.has(current)) body.set(current, []);
    } else if (current) body.get(current)!.push(line);
  }
  return { names, body };
}

/** What the profile holds now: the secret in its file section and in its store entry. */
function held(s: Snapshot, p: Profile): { file?: string; store?: string } {
  const lines = sections(s.credentials).body.get(p) ?? [];
  const file = lines.map((l) => /^\s*aws_secret_access_key\s*=\s*(\S+)/.exec(l)?.[1]).find(Boolean);
  const raw = s.store.get(p);
  let store: string | undefined;
  try {
    store = raw === undefined ? undefined : (JSON.parse(raw) as { SecretAccessKey: string }).SecretAccessKey;
  } catch {
    store = `(damaged entry: ${raw!.slice(0, 40)})`;
  }
  return { ...(file ? { file } : {}), ...(store ? { store } : {}) };
}

function violations(s: Snapshot, profiles: Profile[], newestBefore: Map<Profile, string>, loggedIn: Set<Profile>, added: string[], duoConfig: string): string[] {
  const found: string[] = [];
  const { names, body } = sections(s.credentials);
  for (const name of new Set(names)) {
    const times = names.filter((n) => n === name).length;
    if (times > 1) found.push(`[${name}] appears ${times} times in ~/.aws/credentials`);
  }
  for (const [name, lines] of body) {
    for (const key of ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']) {
      const n = lines.filter((l) => new RegExp(`^\\s*${key}\\s*[=:]`).test(l)).length;
      if (n > 1) found.push(`[${name}] has ${key} ${n} times`);
    }
  }
  for (const p of profiles) {
    const h = held(s, p);
    if (h.store?.startsWith('(damaged')) found.push(`${p}: ${h.store}`);
    for (const secret of issued.get(p)!) {
      const places = count(s.credentials, secret) + [...s.store.values()].filter((v) => v.includes(secret)).length;
      if (places > 1) found.push(`${p}: a secret is in ${places} places (file ${count(s.credentials, secret)}, store ${[...s.store.values()].filter((v) => v.includes(secret)).length})`);
      for (const [name, text] of s.others) if (text.includes(secret)) found.push(`${p}: a secret is also in ~/.aws/${name}`);
    }
    if (new RegExp(`credential-process --profile ${p}\\s*$`, 'm').test(s.config)) {
      if (!s.store.has(p)) found.push(`${p}: credential_process line without a store entry`);
    }
    const now = [h.file, h.store].filter((x): x is string => x !== undefined);
    if (now.length === 0) found.push(`${p}: LOST (no keys in the file, no store entry)`);
    const newest = newestBefore.get(p)!;
    const newer = issued.get(p)!.slice(issued.get(p)!.indexOf(newest) + 1);
    if (!now.includes(newest) && !(loggedIn.has(p) && now.some((x) => newer.includes(x)))) found.push(`${p}: its newest keys before the batch are gone (holds ${now.length} older or unknown)`);
  }
  for (const name of added) if (!duoConfig.includes(`"${name}"`)) found.push(`config.json lost profile ${name} (a lost update)`);
  return found;
}

function newest(s: Snapshot, p: Profile): string {
  const h = held(s, p);
  const order = issued.get(p)!;
  return [h.file, h.store].filter((x): x is string => x !== undefined && order.includes(x)).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0] ?? order.at(-1)!;
}

const tally = { schedules: 0, batches: 0, processes: 0, killed: 0, recoveries: 0, exits: {} as Record<string, number> };

/** Until no program started in the sandbox is left (a pass or gpg a kill -9 orphaned finishes, as it would for a user). */
async function orphansGone(): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 100))) {
    const ps = await box.exec('/bin/ps', ['-eo', 'args']);
    if (!ps.stdout.split('\n').some((l) => l.includes(box.root) && !l.includes('gpg-agent'))) return;
  }
  throw new Error('programs of a killed run still running after 60 s');
}

async function journaled(): Promise<string[]> {
  return (await readdir(box.path('.config/duo-sso-setup/journal')).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5));
}

describe('interleaved migrate / restore / login / config edits (real processes, pass, duo-sso simulator)', () => {
  it(`${SCHEDULES} generated schedules: each secret in exactly one place, no dangling credential_process, nothing lost`, async () => {
    process.stderr.write(`credentials-interleave: seed ${SEED}, ${SCHEDULES} schedules (DUO_SSO_SETUP_SEED=${SEED} reproduces)\n`);
    await fc.assert(fc.asyncProperty(schedule, async (s) => {
      const profiles = inUse(s.profiles);
      await reset(s);
      const added: string[] = [];
      for (const [b, batch] of s.batches.entries()) {
        const before = await snapshot();
        const newestBefore = new Map(profiles.map((p) => [p, newest(before, p)]));
        const loggedIn = new Set(batch.filter((o): o is Extract<Op, { kind: 'login' }> => o.kind === 'login').map((o) => (profiles.includes(o.profile) ? o.profile : profiles[0]!)));
        const runs: { args: string[]; r: RunOutput; killed: boolean }[] = await Promise.all(batch.map(async (o) => {
          const { args, added: name } = argv(o, profiles);
          if (name) added.push(name);
          await new Promise((r) => setTimeout(r, o.delay));
          const killAt = 'kill' in o ? o.kill : undefined;
          return { args, r: await box.run(args, { timeoutMs: killAt ?? 120_000 }), killed: killAt !== undefined };
        }));
        const killed = runs.filter((r) => r.killed && r.r.exitCode === null);
        learnIssued(profiles);
        tally.batches++;
        tally.processes += runs.length;
        for (const { args, r } of runs) {
          // Refusals, grouped by their words (names and paths taken out), so a report shows why runs failed.
          const said = r.json?.problem?.message ?? r.stderr.split('\n').find((l) => l.includes('error:')) ?? r.stderr.trim().split('\n').at(-1) ?? '';
          const why = r.exitCode === 0 ? '' : `: ${String(said).replace(/\/\S+/g, 'PATH').replace(/\bp\d\b/g, 'P').replace(/pid \d+/g, 'pid N').slice(0, 160)}`;
          const key = `${args[0] === 'credentials' ? args[1] : args[0]} exit ${r.exitCode}${why}`;
          tally.exits[key] = (tally.exits[key] ?? 0) + 1;
        }
        let bad: string[] = [];
        const duoConfig = await readFile(box.path('.config/duo-sso/config.json'), 'utf8');
        if (killed.length > 0) {
          tally.killed += killed.length;
          await orphansGone();
          // Right after the kills: nothing lost, no dangling line; a secret in both places only
          // for a profile whose journal says an operation on it is unfinished.
          const pending = await journaled();
          bad = violations(await snapshot(), profiles, newestBefore, loggedIn, added, duoConfig)
            .filter((v) => !pending.some((p) => v.startsWith(`${p}: a secret is in 2 places`)))
            // A temp file a kill left mid-write: the next write of that file (the recovery's) removes it.
            .filter((v) => !(pending.length > 0 && / is also in ~\/\.aws\/\.credentials\.tmp-/.test(v)));
          if (pending.length > 0 && bad.length === 0) {
            // What doctor tells the user to run: restore finishes or rolls back each of them.
            const finish = await box.run(['credentials', 'restore', ...pending.flatMap((p) => ['--profile', p]), '--store', 'pass', '--yes'], { timeoutMs: 120_000 });
            tally.recoveries++;
            if (finish.exitCode !== 0) bad.push(`recovery restore of ${pending.join(', ')} exited ${finish.exitCode}: ${finish.stderr.trim().slice(0, 300)}`);
            const left = await journaled();
            if (left.length > 0) bad.push(`journal still names ${left.join(', ')} after the recovery restore`);
          }
        }
        const after = await snapshot();
        bad.push(...violations(after, profiles, newestBefore, loggedIn, added, duoConfig));
        // A crash (not a refusal we wrote) is a failure too.
        for (const { args, r } of runs) if (r.exitCode !== null && /This is a bug|TypeError|ReferenceError|at .*\.js:\d+/.test(r.stderr)) bad.push(`${args.join(' ')}: ${r.stderr.trim().slice(0, 300)}`);
        if (bad.length > 0) {
          const log = runs.map(({ args, r }) => `  $ ${args.join(' ')} → exit ${r.exitCode} ${r.stderr.trim().split('\n')[0] ?? ''}`).join('\n');
          throw new Error(`batch ${b + 1} of ${s.batches.length}:\n${bad.join('\n')}\nprocesses:\n${log}`);
        }
      }
      tally.schedules++;
      if (tally.schedules % 25 === 0) process.stderr.write(`credentials-interleave: ${tally.schedules} schedules, ${tally.processes} processes, 0 lost so far\n`);
    }), { numRuns: SCHEDULES, seed: SEED, endOnFailure: true, verbose: 1 });
    process.stderr.write(`credentials-interleave: ${tally.schedules} schedules, ${tally.batches} batches, ${tally.processes} processes (${tally.killed} killed with SIGKILL, ${tally.recoveries} recovery restores), 0 lost; exits:\n${Object.entries(tally.exits).sort().map(([k, n]) => `  ${n} × ${k}`).join('\n')}\n`);
    expect(tally.schedules).toBe(SCHEDULES);
  }, Math.max(600_000, SCHEDULES * 60_000));
});
