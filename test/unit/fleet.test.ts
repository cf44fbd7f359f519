// The pure parts of fleet use: the Jamf line, the credentials-file names, the environment
// facts, the identity redaction of the support bundle, `--user` account parsing and
// environment, and the login log's rotation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJamf } from '../../src/doctor/jamf.js';
import { credentialNames, environmentFacts, redactIdentity } from '../../src/doctor/report.js';
import { parseDscl, parsePasswd, userEnv, withoutUserFlag } from '../../src/doctor/as-user.js';
import { redactSecrets } from '../../src/knowledge/redact.js';
import { KEEP, recordLoginRun } from '../../src/login/run-log.js';
import type { Outcome } from '../../src/doctor/run-checks.js';

const outcome = (id: string, status: 'ok' | 'warn' | 'fail' | 'skip') => ({ check: { id, title: id, run: async () => ({ status, summary: '', details: [] }) }, result: { status, summary: '', details: [] }, durationMs: 1 }) as unknown as Outcome;

describe('doctor --format jamf', () => {
  it('is ok, or names the failing then the warning checks, on one line', () => {
    expect(renderJamf([outcome('a', 'ok'), outcome('b', 'skip')])).toBe('<result>ok</result>\n');
    expect(renderJamf([outcome('a', 'fail'), outcome('b', 'warn'), outcome('c', 'fail')])).toBe('<result>fail: a,c; warn: b</result>\n');
    expect(renderJamf([outcome('b', 'warn')])).toBe('<result>warn: b</result>\n');
  });
});

describe('support bundle helpers', () => {
  it('credentialNames keeps sections and key names, never a value, whatever the file (generated)', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9/+=]{20,60}$/);
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('[p]', 'aws_secret_access_key = ', 'Key: ', '  ', '', '# '), value)), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
      const text = lines.map(([pre, v]) => `${pre}${v}`).join(eol);
      const out = credentialNames(text);
      for (const [pre, v] of lines) if (pre !== '[p]') expect(out).not.toContain(v);
    }), { numRuns: 1000 });
    expect(credentialNames('[dev]\naws_access_key_id = AKIAX\nAWS_Secret_Access_Key: s\n  continued\nAKIAIOSFODNN7EXAMPLE\nwJalrXUtnFEMIKMDENGbPxRfiCYEXAMPLEKEY=\n')).toBe('[dev]\n  aws_access_key_id\n  AWS_Secret_Access_Key\n(3 other lines not shown)\n');
  });

  it('environmentFacts shows safe values, only the names of secret ones, and nothing else', () => {
    const facts = environmentFacts({ AWS_PROFILE: 'dev', AWS_SECRET_ACCESS_KEY: 'sekrit', GPG_PASSPHRASE: 'pp', HOME: '/h' });
    expect(facts).toEqual({ values: { AWS_PROFILE: 'dev' }, setButNotShown: ['AWS_SECRET_ACCESS_KEY'] });
  });

  it('the one redactor takes passwords out of URLs and NameIDs out of assertions', () => {
    expect(redactSecrets('HTTPS_PROXY=http://ann:S3cret@proxy:3128 and https://x.example/a@b')).toBe('HTTPS_PROXY=http://[redacted]@proxy:3128 and https://x.example/a@b');
    expect(redactSecrets('<saml2:NameID Format="x">ann@example.com</saml2:NameID>')).toBe('<saml2:NameID Format="x">[redacted]</saml2:NameID>');
  });

  it('redactIdentity removes assumed-role session names and e-mail addresses', () => {
    expect(redactIdentity('arn:aws:sts::111111111111:assumed-role/admin/ann@example.com"')).toBe('arn:aws:sts::111111111111:assumed-role/admin/[redacted]"');
    expect(redactIdentity('user bob.smith+aws@corp.example.com logged in')).toBe('user [email] logged in');
  });
});

describe('doctor --user', () => {
  it('parses getent and dscl answers', () => {
    expect(parsePasswd('ann:x:1001:1001:Ann,,,:/home/ann:/bin/bash\n')).toEqual({ name: 'ann', uid: 1001, gid: 1001, home: '/home/ann', shell: '/bin/bash' });
    expect(parsePasswd('garbage')).toBeUndefined();
    expect(parseDscl('ann', 'NFSHomeDirectory: /Users/ann\nPrimaryGroupID: 20\nUniqueID: 501\nUserShell: /bin/zsh\n')).toEqual({ name: 'ann', uid: 501, gid: 20, home: '/Users/ann', shell: '/bin/zsh' });
    expect(parseDscl('ann', 'No such key: UniqueID')).toBeUndefined();
  });

  it('gives the child the user\'s identity and none of root\'s AWS or gpg settings', () => {
    const exists = (p: string) => p.startsWith('/run/user/1001');
    const env = userEnv({ name: 'ann', uid: 1001, gid: 1001, home: '/home/ann', shell: '/bin/sh' },
      { PATH: '/usr/bin', HOME: '/root', AWS_PROFILE: 'root-prof', GNUPGHOME: '/root/.gnupg', SUDO_USER: 'x', NO_COLOR: '1' }, exists, 'linux', { exists, read: () => undefined, list: () => [] });
    expect(env).toEqual({ PATH: '/usr/local/bin:/usr/bin:/bin', NO_COLOR: '1', HOME: '/home/ann', USER: 'ann', LOGNAME: 'ann', SHELL: '/bin/sh', XDG_RUNTIME_DIR: '/run/user/1001', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1001/bus' });
  });

  describe('the child\'s PATH is the user\'s login PATH, not root\'s', () => {
    const ann = { name: 'ann', uid: 1001, gid: 1001, home: '/home/ann', shell: '/bin/bash' };
    const ROOT_PATH = '/root/.pyenv/shims:/root/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const machine = (files: Record<string, string>, dirs: string[] = []) => ({
      exists: (p: string) => dirs.includes(p) || p in files,
      read: (p: string) => files[p],
      list: (d: string) => Object.keys(files).filter((f) => f.startsWith(`${d}/`)).map((f) => f.slice(d.length + 1)).sort(),
    });

    it('Debian: login.defs\'s ENV_PATH (not ENV_SUPATH), with ~/.local/bin and ~/bin first when they exist', () => {
      const facts = machine({ '/etc/login.defs': 'ENV_SUPATH\tPATH=/usr/local/sbin:/usr/sbin\nENV_PATH\tPATH=/usr/local/bin:/usr/bin:/bin:/usr/games\n' }, ['/home/ann/.local/bin']);
      const env = userEnv(ann, { PATH: ROOT_PATH }, facts.exists, 'linux', facts);
      expect(env.PATH).toBe('/home/ann/.local/bin:/usr/local/bin:/usr/bin:/bin:/usr/games');
      expect(env.PATH).not.toMatch(/\/root|sbin/);
    });

    it('Ubuntu: /etc/environment\'s PATH (pam_env), and Linuxbrew when installed', () => {
      const facts = machine({ '/etc/environment': 'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin"\n', '/etc/login.defs': 'ENV_PATH PATH=/usr/bin\n' }, ['/home/linuxbrew/.linuxbrew/bin', '/home/ann/bin']);
      expect(userEnv(ann, { PATH: ROOT_PATH }, facts.exists, 'linux', facts).PATH).toBe('/home/ann/bin:/home/linuxbrew/.linuxbrew/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin');
    });

    it('macOS: path_helper\'s /etc/paths and /etc/paths.d, Homebrew first', () => {
      const facts = machine({ '/etc/paths': '/usr/local/bin\n/usr/bin\n/bin\n/usr/sbin\n/sbin\n', '/etc/paths.d/10-cryptex': '/System/Cryptexes/App/usr/bin\n', '/etc/paths.d/20-aws': '/usr/local/aws-cli\n' }, ['/opt/homebrew/bin']);
      expect(userEnv({ ...ann, home: '/Users/ann' }, { PATH: ROOT_PATH }, facts.exists, 'darwin', facts).PATH).toBe('/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:/System/Cryptexes/App/usr/bin:/usr/local/aws-cli');
    });

    it('this machine: nothing of root\'s own PATH that a user login would not have', () => {
      const env = userEnv(ann, { PATH: '/root/.pyenv/shims:/root/bin' }, () => false, 'linux');
      expect(env.PATH).not.toContain('/root');
      expect(env.PATH!.split(':')).toContain('/usr/bin');
    });
  });

  it('re-runs the same command without --user', () => {
    expect(withoutUserFlag(['doctor', '--user', 'ann', '--json'])).toEqual(['doctor', '--json']);
    expect(withoutUserFlag(['doctor', '--user=console', '--format', 'jamf'])).toEqual(['doctor', '--format', 'jamf']);
  });
});

describe('login log', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'login-log-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('keeps the last ten runs, redacted when written', async () => {
    for (let i = 0; i < KEEP + 3; i++) {
      await recordLoginRun({ cacheDir: dir }, new Date(Date.UTC(2026, 0, 1, 0, 0, i)), { line: `aws_secret_access_key = VERYSECRET${i} ASIAABCDEFGHIJKLMNOP` });
    }
    const names = (await readdir(join(dir, 'logins'))).sort();
    expect(names).toHaveLength(KEEP);
    expect(names[0]).toMatch(/^2026-01-01T00-00-03/);
    const text = await readFile(join(dir, 'logins', names[0]!), 'utf8');
    expect(text).not.toMatch(/VERYSECRET|ASIAABCDEFGHIJKLMNOP/);
  });
});
