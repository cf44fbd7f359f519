// Fleet use end to end: `doctor --format jamf`, the support bundle (`doctor --report`) with
// secrets planted in every source it reads, and `doctor --user` as root for a real second
// user made with useradd.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { lstatSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox, systemTool } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';
import { ENTRIES } from '../../src/doctor/report.js';

const isRoot = process.getuid?.() === 0;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const CONFIG = {
  url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
  session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
  profiles: { eticloud: { aws_account_id: '111111111111', aws_role_name: 'admin', session_duration_seconds: 3600 } },
};

async function machine() {
  const sts = await StsServer.start({ roles: { 'arn:aws:iam::111111111111:role/admin': { maxSessionDuration: 3600 } } });
  const box = await Sandbox.create({ tools: ['/usr/bin/aws', 'gpg', 'pass'], env: { AWS_ENDPOINT_URL_STS: sts.url } });
  cleanups.push(() => sts.close(), () => box.cleanup());
  await installDuoSsoSim(box, { stsEndpoint: sts.url, user: 'ann.example@example.com' });
  await box.write('.config/duo-sso/config.json', `${JSON.stringify(CONFIG, null, 2)}\n`, 0o600);
  return { box, sts };
}

describe('doctor --format jamf', () => {
  it('prints exactly one <result> line naming the failing and warning checks', async () => {
    const { box } = await machine();
    const r = await box.run(['doctor', '--format', 'jamf']);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^<result>(ok|(fail: [a-z-]+(,[a-z-]+)*)?(; )?(warn: [a-z-]+(,[a-z-]+)*)?)<\/result>$/);
    // This box has no credentials yet: the credentials check fails, and it is named.
    expect(lines[0]).toContain('credentials');
    const ok = await box.run(['doctor', '--format', 'jamf', '--only', 'platform']);
    expect(ok.stdout).toBe('<result>ok</result>\n');
  });
});

describe('doctor --report', () => {
  it('bundles the documented entries only, mode 0600, with no secret from any source', async () => {
    const { box } = await machine();
    const login = await box.run(['login', '--json'], { timeoutMs: 120_000 });
    expect(login.exitCode, login.stderr).toBe(0);
    const creds = await box.read('.aws/credentials');
    const fromLogin = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'].map((k) => new RegExp(`^${k}\\s*=\\s*(\\S+)`, 'm').exec(creds)![1]!);
    // Planted: long-term keys in both AWS files, keys in the environment, a gpg passphrase, a
    // proxy password, and an old login log holding a SAML response, a NameID and STS's XML.
    const planted = {
      longTermId: 'AKIAIOSFODNN7PLANTED',
      longTermSecret: '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',
      configSecret: 'Zm9vYmFyYmF6cXV4cXV1eHBsYW50ZWRjb25maWcx',
      envSecret: 'EnvSecretAccessKeyValue0123456789abcdefgh',
      passphrase: 'CorrectHorseBatteryStaple42',
      proxyPassword: 'ProxyPa55word',
      nameId: 'ann.example@example.com',
      samlB64: Buffer.from(`<samlp:Response>${'x'.repeat(400)}</samlp:Response>`).toString('base64'),
      stsXmlSecret: 'XmlSecretKeyFromSts000000000000000000000',
    };
    await box.write('.aws/credentials', `${creds}\n[legacy]\naws_access_key_id = ${planted.longTermId}\naws_secret_access_key = ${planted.longTermSecret}\n`, 0o600);
    await box.write('.aws/config', `[profile eticloud]\nregion = us-east-1\n\n[profile keys-in-config]\naws_access_key_id=${planted.longTermId}\naws_secret_access_key=${planted.configSecret}\n`, 0o600);
    const logs = join(box.home, '.cache', 'duo-sso-setup', 'logins');
    await writeFile(join(logs, '2026-01-01T00-00-00-000Z-1.json'), JSON.stringify({
      report: { failure: `duo-sso: SAMLResponse=${planted.samlB64} <saml2:NameID Format="email">${planted.nameId}</saml2:NameID> <SecretAccessKey>${planted.stsXmlSecret}</SecretAccessKey>` },
    }));
    const env = {
      AWS_SECRET_ACCESS_KEY: planted.envSecret, AWS_ACCESS_KEY_ID: planted.longTermId,
      PASSWORD_STORE_GPG_OPTS: `--pinentry-mode loopback --passphrase ${planted.passphrase}`, GPG_PASSPHRASE: planted.passphrase,
      HTTPS_PROXY: `http://ann:${planted.proxyPassword}@proxy.example.com:3128`,
    };
    const file = join(box.root, 'bundle.tar.gz');
    const r = await box.run(['doctor', '--report', file], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ${file}`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const listed = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n');
    const allowed = (n: string) => ENTRIES.some((e) => (e.endsWith('/') ? n.startsWith(`duo-sso-setup-report/${e}`) && /\.json$/.test(n) : n === `duo-sso-setup-report/${e}`));
    expect(listed.filter((n) => !allowed(n))).toEqual([]);
    expect(listed.filter((n) => n.includes('/logins/'))).toHaveLength(2);

    const out = await mkdtemp(join(tmpdir(), 'bundle-'));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    execFileSync('tar', ['-xzf', file, '-C', out]);
    const texts = await Promise.all(listed.map((n) => readFile(join(out, n), 'utf8')));
    const all = texts.join('\n');
    for (const [what, secret] of [...Object.entries(planted), ...fromLogin.map((s, i) => [`login key ${i}`, s] as const)]) {
      expect(all.includes(secret), `${what} leaked into the bundle`).toBe(false);
    }
    // What support needs is there.
    const names = await readFile(join(out, 'duo-sso-setup-report', 'aws-credentials-names.txt'), 'utf8');
    expect(names).toContain('[eticloud]\n  aws_access_key_id\n  aws_secret_access_key\n  aws_session_token');
    expect(names).toContain('[legacy]');
    const envFacts = JSON.parse(await readFile(join(out, 'duo-sso-setup-report', 'environment.json'), 'utf8'));
    expect(envFacts.setButNotShown).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
    expect(envFacts.values.HTTPS_PROXY).toBe('http://[redacted]@proxy.example.com:3128');
    expect(JSON.parse(await readFile(join(out, 'duo-sso-setup-report', 'doctor.json'), 'utf8')).checks.length).toBeGreaterThan(5);

    // Never over an existing file.
    const again = await box.run(['doctor', '--report', file]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 180_000);
});

describe.runIf(isRoot && systemTool('useradd'))('doctor --user (root)', () => {
  it('runs the checks as that user with their HOME, and nothing under it ends up owned by root', async () => {
    const name = `dss${process.pid}`;
    const parent = await mkdtemp(join(tmpdir(), 'dss-home-'));
    await chmod(parent, 0o755);
    const home = join(parent, name);
    execFileSync('useradd', ['-m', '-d', home, '-s', '/bin/sh', name]);
    cleanups.push(async () => {
      try { execFileSync('userdel', [name]); } catch { /* already gone */ }
      await rm(parent, { recursive: true, force: true });
    });
    const { box } = await machine();
    // The user must be able to reach the sandbox's tools and the build.
    await chmod(box.root, 0o755);
    await chmod(box.home, 0o755);
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    execFileSync('install', ['-d', '-o', name, '-m', '700', join(home, '.config'), join(home, '.config', 'duo-sso')]);
    // A duration over the cap: --fix repairs it, so the run writes into that HOME (file, backup, lock).
    await writeFile(join(home, '.config', 'duo-sso', 'config.json'), `${JSON.stringify({ ...CONFIG, session_duration_seconds: 28800 }, null, 2)}\n`, { mode: 0o600 });
    execFileSync('chown', [`${name}:`, join(home, '.config', 'duo-sso', 'config.json')]);

    const r = await box.run(['doctor', '--user', name, '--json', '--fix', '--yes'], { timeoutMs: 120_000 });
    expect(JSON.parse(r.stdout).checks, `${r.stdout}\n${r.stderr}`).toBeDefined();
    const checks = Object.fromEntries(JSON.parse(r.stdout).checks.map((c: any) => [c.id, c]));
    expect(checks.config.data.path).toBe(join(home, '.config', 'duo-sso', 'config.json'));
    expect(checks.platform.status).toBe('ok');
    // Nothing under the user's HOME belongs to root, although root ran the command.
    const owners: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const p = join(dir, entry);
        const st = lstatSync(p);
        if (st.uid !== uid) owners.push(`${p} (uid ${st.uid})`);
        if (st.isDirectory()) walk(p);
      }
    };
    walk(home);
    expect(owners).toEqual([]);
    // The fix did write into that HOME: the repaired config and its backup, as the user (walked above).
    expect(JSON.parse(await readFile(join(home, '.config', 'duo-sso', 'config.json'), 'utf8')).session_duration_seconds).toBe(3600);
    expect((await readdir(join(home, '.config', 'duo-sso'))).some((n) => n.startsWith('config.json.') && n.includes('bak'))).toBe(true);

    const notRoot = await box.run(['doctor', '--user', 'nobody-here-xyz']);
    expect(notRoot.exitCode).toBe(1);
    expect(notRoot.stderr).toContain('no user named "nobody-here-xyz"');
  }, 180_000);
});
