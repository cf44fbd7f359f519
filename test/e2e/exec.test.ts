// `exec` and `env` end to end: the real AWS CLI run through `exec` must reach the STS
// stand-in as the profile, `env`'s output must give back every byte in real shells, and the
// secrets must never show anywhere but the child's environment and env's stdout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { CLI, sandboxPerTest, systemTool, type Sandbox } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { formatEnv, type EnvChange } from '../../src/exec/env-vars.js';

const sandbox = sandboxPerTest();
let sts: StsServer;
beforeAll(async () => {
  sts = await StsServer.start();
});
afterAll(async () => {
  await sts.close();
});

function issue(account: string, expiresInMs = 3600_000) {
  const keys = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `IQoJ${randomBytes(60).toString('base64')}`,
  };
  sts.addCredentials({ ...keys, account, expiration: new Date(Date.now() + expiresInMs), arn: `arn:aws:sts::${account}:assumed-role/admin/ann@example.com`, userId: 'AROAEXAMPLE:ann@example.com' });
  return keys;
}

async function box(keys: ReturnType<typeof issue>): Promise<Sandbox> {
  const b = await sandbox({ tools: ['/usr/bin/aws'] });
  await b.write('.aws/credentials', `[eticloud]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\naws_session_token = ${keys.sessionToken}\n`, 0o600);
  await b.write('.aws/config', '[profile eticloud]\nregion = eu-west-1\n');
  return b;
}

const secretsOf = (k: ReturnType<typeof issue>) => [k.secretAccessKey, k.sessionToken];

describe('exec', () => {
  it('runs the real AWS CLI as the profile; AWS_PROFILE naming another profile is unset for it', async () => {
    const keys = issue('123456789012');
    const b = await box(keys);
    const r = await b.run(['exec', '--profile', 'eticloud', '--', 'aws', 'sts', 'get-caller-identity', '--endpoint-url', sts.url, '--output', 'json'], {
      // The AWS CLI would stop with ProfileNotFound if this reached it.
      env: { AWS_PROFILE: 'no-such-profile', AWS_EC2_METADATA_DISABLED: 'true' },
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ Account: '123456789012' });
    expect(sts.actions('GetCallerIdentity').at(-1)?.accessKeyId).toBe(keys.accessKeyId);
    for (const s of secretsOf(keys)) expect(r.stderr).not.toContain(s);
  });

  it('gives the child the four variables and the profile\'s region, and exits with its code', async () => {
    const keys = issue('123456789012');
    const b = await box(keys);
    const r = await b.run(['exec', '-p', 'eticloud', '--', 'sh', '-c', 'env | grep -E "^AWS_(ACCESS|SECRET|SESSION|REGION|DEFAULT_REGION|CREDENTIAL|PROFILE|DEFAULT_PROFILE|SECURITY)" | sort; exit 7'], { env: { AWS_PROFILE: 'eticloud' } });
    expect(r.exitCode).toBe(7);
    const vars = Object.fromEntries(r.stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(vars).toEqual({
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      AWS_SESSION_TOKEN: keys.sessionToken,
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
    // No expiry known from the files alone: the variable is left out rather than guessed.
    expect(vars.AWS_CREDENTIAL_EXPIRATION).toBeUndefined();
  });

  it.each(['node', 'deno'] as const)('under %s passes on the environment the user had, not the AWS SDK switch we set for ourselves', async (runtime) => {
    const keys = issue('123456789012');
    const b = await box(keys);
    const probe = ['exec', '-p', 'eticloud', '--', 'sh', '-c', 'env | grep -c "^AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=" || true'];
    const ours = await b.run(probe, { runtime });
    expect(ours.exitCode, ours.stderr).toBe(0);
    expect(ours.stdout.trim()).toBe('0');
    // The user's own setting of it is theirs, and is kept.
    const theirs = await b.run(probe, { runtime, env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'yes' } });
    expect(theirs.stdout.trim()).toBe('1');
  });

  it('under Deno too: the child\'s exit code and its variables', async () => {
    const keys = issue('123456789012');
    const b = await box(keys);
    const r = await b.run(['exec', '-p', 'eticloud', '--', 'sh', '-c', 'printf %s "$AWS_ACCESS_KEY_ID"; exit 3'], { runtime: 'deno' });
    expect(r.exitCode, r.stderr).toBe(3);
    expect(r.stdout).toBe(keys.accessKeyId);
  });

  it('passes SIGTERM on to the command and exits with the command\'s answer to it, even right after it started', async () => {
    const b = await box(issue('123456789012'));
    // In a loop: the signal comes as soon as the command speaks, so some arrive while exec is
    // still starting it (a signal then used to end exec and leave the command running alone).
    for (let round = 0; round < 6; round++) {
      // A 5-minute limit of its own, and its pid, so a failed round leaves nothing running.
      const child = spawn(process.execPath, [CLI, 'exec', '-p', 'eticloud', '--', 'sh', '-c', 'trap "echo got-term; exit 42" TERM; echo ready $$; n=0; while [ $n -lt 3000 ]; do sleep 0.1; n=$((n+1)); done'], { env: b.env, cwd: b.home, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/ready \d+/.test(out)) resolve();
      }));
      const shPid = Number(/ready (\d+)/.exec(out)![1]);
      try {
        child.kill('SIGTERM');
        const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
        expect(out).toContain('got-term');
        expect(code).toBe(42);
      } finally {
        try {
          process.kill(shPid, 'SIGKILL');
        } catch {
          // Gone, as it should be.
        }
      }
    }
  });

  it('expired or missing credentials: one error naming login, no secret, the command not run', async () => {
    const keys = issue('123456789012');
    const b = await box(keys);
    await b.write('.aws/credentials', `[eticloud]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\naws_session_token = ${keys.sessionToken}\nx_security_token_expires = 2020-01-01T00:00:00Z\n`, 0o600);
    const r = await b.run(['exec', '-p', 'eticloud', '--', 'sh', '-c', 'echo ran']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/expired at 2020-01-01T00:00:00.000Z\neticloud is not in .*config\.json, so duo-sso does not log it in/);
    for (const s of secretsOf(keys)) expect(r.stderr).not.toContain(s);
    // eticloud is only in ~/.aws here: `login --profile eticloud` would fail, so it is not offered.
    expect(r.stderr).not.toContain('login --profile');
    await b.write('.config/duo-sso/config.json', JSON.stringify({ profiles: { eticloud: { aws_account_id: '123456789012', aws_role_name: 'admin' } } }));
    const inConfig = await b.run(['exec', '-p', 'eticloud', '--', 'sh', '-c', 'echo ran']);
    expect(inConfig.stderr).toMatch(/expired at 2020-01-01T00:00:00.000Z\nLog in: duo-sso-setup login --profile eticloud/);
    const missing = await b.run(['exec', '-p', 'other', '--', 'sh', '-c', 'echo ran']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/unknown profile 'other': not in .*config\.json.*\nProfiles duo-sso logs in \(.*\): eticloud/);
  });

  it('a command that is not there: exit 127 and says so; one that cannot be run: 126 (as sh, env, xargs)', async () => {
    const b = await box(issue('123456789012'));
    const r = await b.run(['exec', '-p', 'eticloud', '--', 'no-such-command-here']);
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toContain('cannot run no-such-command-here: not found');
    await b.write('not-executable.sh', '#!/bin/sh\necho ran\n');
    const plain = await b.run(['exec', '-p', 'eticloud', '--', b.path('not-executable.sh')]);
    expect(plain.exitCode).toBe(126);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toContain('not-executable.sh: permission denied');
    const dir = await b.run(['exec', '-p', 'eticloud', '--', b.home]);
    expect(dir.exitCode).toBe(126);
  });
});

describe('env', () => {
  it('--format json parses and holds the same keys; AWS_PROFILE is null (unset)', async () => {
    const keys = issue('123456789012');
    const b = await box(keys);
    const r = await b.run(['env', '--profile', 'eticloud', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey, AWS_SESSION_TOKEN: keys.sessionToken, AWS_PROFILE: null });
    expect(r.stderr).toBe('');
    // The global --json means the same.
    expect((await b.run(['--json', 'env', '--profile', 'eticloud'])).json).toEqual(r.json);
  });

  it('sh output evaluated by bash lets the real AWS CLI in as the profile', async () => {
    const keys = issue('210987654321');
    const b = await box(keys);
    const env = await b.run(['env', '--profile', 'eticloud']);
    expect(env.exitCode, env.stderr).toBe(0);
    const r = await b.exec(systemTool('bash')!, ['-c', `export AWS_PROFILE=gone; eval "$1"; exec aws sts get-caller-identity --endpoint-url ${sts.url} --output json`, 'x', env.stdout], { env: { AWS_EC2_METADATA_DISABLED: 'true' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).Account).toBe('210987654321');
  });
});

// Every value survives the trip through the shell byte for byte: one shell process checks all
// the generated values (thousands of processes would cost minutes on a loaded machine).
describe('env quoting in real shells', () => {
  // Environment values cannot hold NUL; \u0001 separates the values printed back.
  const specials = fc.constantFrom("'", '"', '\\', '$', '`', '\n', '!', '*', ' ', '\t', '{', '}', '(', ';', '#', '%', '\u2019', 'a', 'Z', '0');
  const value = fc.oneof(fc.string({ unit: specials, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme-ascii', maxLength: 40 }))
    .filter((v) => !/\p{Cs}/u.test(v) && !/[\0\u0001]/.test(v));
  const values = fc.sample(value, 400);

  async function roundTrip(shell: string, format: 'sh' | 'fish', print: string): Promise<string[]> {
    const script = values.map((v) => {
      const change: EnvChange = { set: { DUO_TEST_VALUE: v }, unset: ['AWS_PROFILE'] };
      return `${formatEnv(change, format)}${print}\n`;
    }).join('');
    const b = await sandbox();
    const r = await b.exec(shell, [await b.write('env-values.sh', script)]);
    expect(r.stderr).toBe('');
    return r.stdout.split('\u0001').slice(0, -1);
  }

  it.each([['bash', systemTool('bash')], ['dash', systemTool('dash')], ['zsh', systemTool('zsh')]])('sh format in %s', async (name, shell) => {
    if (!shell) throw new Error(`${name} is not installed (test/provision.sh)`);
    expect(await roundTrip(shell, 'sh', `printf '%s\\001' "$DUO_TEST_VALUE"`)).toEqual(values);
  });

  it('fish format in fish', async () => {
    const shell = systemTool('fish');
    if (!shell) throw new Error('fish is not installed (test/provision.sh)');
    expect(await roundTrip(shell, 'fish', `printf '%s\\001' "$DUO_TEST_VALUE"`)).toEqual(values);
  });
});
