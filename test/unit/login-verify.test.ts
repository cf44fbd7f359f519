import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configuredRegion, emptyRegionVariable, regionFor, servedByStore } from '../../src/login/verify.js';
import { cliRegion } from '../../src/aws/region.js';
import type { Env } from '../../src/platform/paths.js';
import { redactSecrets as redactLine } from '../../src/knowledge/redact.js';
import { raiseTo } from '../../src/login/learn-max.js';
import { configuredStsEndpoint, stsUrl } from '../../src/aws/sts.js';
import { expiryOf, credentialsOf } from '../../src/aws/credentials-file.js';

const config = '[default]\nregion = eu-west-1\n\n[profile dev]\nregion = us-east-2\ncredential_process = /usr/bin/node /x/cli.js credential-process --profile dev\n\n[profile other]\ncredential_process = aws-vault exec other --json\n';

describe('region and endpoint, as the AWS CLI finds them', () => {
  it.each([
    [{}, 'dev', 'us-east-2'],
    // A named profile does not take [default]'s region (aws configure get region --profile nobody: not set).
    [{}, 'nobody', 'us-east-1'],
    [{}, 'default', 'eu-west-1'],
    [{ AWS_DEFAULT_REGION: 'ap-south-1' }, 'dev', 'ap-south-1'],
    [{ AWS_REGION: 'sa-east-1', AWS_DEFAULT_REGION: 'ap-south-1' }, 'dev', 'sa-east-1'],
  ])('%j %s', (env, profile, region) => {
    expect(regionFor(env, { config }, profile)).toBe(region);
  });
  it('falls back to us-east-1 but reports that nothing is configured', () => {
    expect(regionFor({}, {}, 'dev')).toBe('us-east-1');
    expect(configuredRegion({}, {}, 'dev')).toBeUndefined();
    expect(configuredRegion({}, { config }, 'nobody')).toBeUndefined();
    expect(configuredRegion({}, { config: '[profile "dev"]\nregion = eu-north-1\n' }, 'dev')).toBe('eu-north-1');
  });
  it('prefers AWS_ENDPOINT_URL_STS over AWS_ENDPOINT_URL', () => {
    expect(configuredStsEndpoint({ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_STS: 'http://b' })).toBe('http://b');
    expect(stsUrl({})).toBe('https://sts.amazonaws.com');
    expect(stsUrl({}, 'eu-west-1')).toBe('https://sts.eu-west-1.amazonaws.com');
  });
});

// Login's region (configuredRegion, the STS call's and the report's) is the doctor's
// (aws/region.ts): judged here by the real AWS CLI, whose `aws configure list` prints the
// region it would use and where it came from (env, config-file: either ~/.aws file).
const AWS = '/usr/bin/aws';
const FILES = {
  config: '[default]\nregion = ap-south-1\n\n[profile dev]\nregion = eu-west-1\n\n[profile plain]\noutput = json\n\n[profile blank]\nregion =\n\n[profile both]\nregion = eu-west-1\n',
  credentials: '[cred]\nregion = eu-north-1\n\n[both]\nregion = us-west-2\n',
};
const REGION_CASES: [Env, string][] = [
  [{}, 'dev'],
  // Not [default]'s (ap-south-1).
  [{}, 'plain'],
  [{}, 'blank'],
  [{}, 'default'],
  // The credentials file's region: alone, and over the config file's.
  [{}, 'cred'],
  [{}, 'both'],
  [{ AWS_DEFAULT_REGION: 'ca-central-1' }, 'dev'],
  [{ AWS_REGION: 'sa-east-1', AWS_DEFAULT_REGION: 'ca-central-1' }, 'dev'],
  // Present but empty: used over everything after it.
  [{ AWS_REGION: '' }, 'dev'],
  [{ AWS_REGION: '', AWS_DEFAULT_REGION: 'ca-central-1' }, 'both'],
  [{ AWS_DEFAULT_REGION: '' }, 'cred'],
];

/** `aws configure list --profile P`'s region row ('%10s %24s %16s    %s': name, value, type, location). */
function awsRegion(dir: string, env: Env, profile: string): Promise<{ value: string; type: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(AWS, ['configure', 'list', '--profile', profile], {
      env: { PATH: '/usr/bin:/bin', HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const row = out.split('\n').find((l) => l.slice(0, 10).trim() === 'region');
      if (code !== 0 || !row) reject(new Error(`aws configure list --profile ${profile}: ${code} ${err}`));
      else resolve({ value: row.slice(11, 35).trim(), type: row.slice(36, 52).trim() });
    });
  });
}

describe.skipIf(!existsSync(AWS))('login\'s region, judged by the AWS CLI (aws configure list)', () => {
  it('is the region and source the AWS CLI shows, an empty variable and the credentials file\'s region included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'login-region-'));
    try {
      await writeFile(join(dir, 'config'), FILES.config);
      await writeFile(join(dir, 'credentials'), FILES.credentials);
      const cli = await Promise.all(REGION_CASES.map(([env, profile]) => awsRegion(dir, env, profile)));
      expect(cli).toHaveLength(REGION_CASES.length);
      REGION_CASES.forEach(([env, profile], i) => {
        const name = `${JSON.stringify(env)} ${profile}`;
        const shown = cli[i]!;
        const usable = shown.value !== '' && shown.value !== '<not set>' ? shown.value : undefined;
        expect(configuredRegion(env, FILES, profile), name).toBe(usable);
        expect(regionFor(env, FILES, profile), name).toBe(usable ?? 'us-east-1');
        // An empty variable is named (the CLI takes it over every profile's region).
        expect(emptyRegionVariable(env) !== undefined, name).toBe(shown.type === 'env' && shown.value === '');
        const found = cliRegion(env, FILES, profile);
        expect(found === undefined ? 'none' : found.source === 'profile' ? 'config-file' : 'env', name).toBe(usable === undefined && shown.type !== 'env' ? 'none' : shown.type);
      });
      // The cases reach every answer: env (set and empty), either file, none.
      expect(cli.map((c) => `${c.type}:${c.value}`)).toEqual([
        'config-file:eu-west-1', 'None:<not set>', 'config-file:', 'config-file:ap-south-1', 'config-file:eu-north-1', 'config-file:us-west-2',
        'env:ca-central-1', 'env:sa-east-1', 'env:', 'env:', 'env:',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('nextCommands and the region', () => {
  it('unsets an empty region variable first (configure set would not help), else sets a missing region', async () => {
    const { nextCommands } = await import('../../src/login/render.js');
    expect(nextCommands('dev', 'linux', false, 'AWS_REGION')).toEqual(['unset AWS_REGION', 'aws sts get-caller-identity --profile dev', 'export AWS_PROFILE=dev']);
    expect(nextCommands('dev', 'win32', false, 'AWS_DEFAULT_REGION')[0]).toBe('Remove-Item Env:AWS_DEFAULT_REGION');
    expect(nextCommands('dev', 'linux', false)[0]).toBe('aws configure set region us-east-1 --profile dev');
    expect(nextCommands('dev', 'linux')[0]).toBe('aws sts get-caller-identity --profile dev');
  });
});

describe('servedByStore', () => {
  it('recognises only our credential_process', () => {
    expect(servedByStore(config, 'dev')).toBe(true);
    expect(servedByStore(config, 'other')).toBe(false);
    expect(servedByStore(undefined, 'dev')).toBe(false);
  });
});

describe('credentials file sections', () => {
  it('reads keys and expiry', () => {
    expect(credentialsOf({ aws_access_key_id: 'A', aws_secret_access_key: 'S', aws_security_token: 'T' })).toEqual({ accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T' });
    expect(credentialsOf({ aws_access_key_id: 'A' })).toBeUndefined();
    expect(expiryOf({ x_security_token_expires: '2026-01-01T10:00:00Z' })?.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(expiryOf({ expiration: 'soon' })).toBeUndefined();
  });
});

describe('redaction of duo-sso lines (shared rules)', () => {
  it.each([
    ['DEBUG <Credentials><AccessKeyId>ASIAABCDEFGHIJKLMNOP</AccessKeyId><SecretAccessKey>abc/def+ghi</SecretAccessKey><SessionToken>tok</SessionToken>', 'DEBUG <Credentials><AccessKeyId>ASIA[redacted]</AccessKeyId><SecretAccessKey>[redacted]</SecretAccessKey><SessionToken>[redacted]</SessionToken>'],
    ['aws_secret_access_key = abc', 'aws_secret_access_key = [redacted]'],
    ["✔ AWS Credentials saved for profile 'x'", "✔ AWS Credentials saved for profile 'x'"],
  ])('%s', (line, shown) => {
    expect(redactLine(line)).toBe(shown);
  });
});

describe('raiseTo', () => {
  it('offers the most the role and the policy allow, only when it is more', () => {
    expect(raiseTo(3600, 43200, 14400)).toBe(14400);
    expect(raiseTo(3600, 7200, 14400)).toBe(7200);
    expect(raiseTo(3600, 43200, 3600)).toBeUndefined();
    expect(raiseTo(14400, 14400, 14400)).toBeUndefined();
  });
});
