import { describe, expect, it } from 'vitest';
import { configuredRegion, regionFor, servedByStore } from '../../src/login/verify.js';
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
    expect(regionFor(env, config, profile)).toBe(region);
  });
  it('falls back to us-east-1 but reports that nothing is configured', () => {
    expect(regionFor({}, undefined, 'dev')).toBe('us-east-1');
    expect(configuredRegion({}, undefined, 'dev')).toBeUndefined();
    expect(configuredRegion({}, config, 'nobody')).toBeUndefined();
    expect(configuredRegion({}, '[profile "dev"]\nregion = eu-north-1\n', 'dev')).toBe('eu-north-1');
  });
  it('prefers AWS_ENDPOINT_URL_STS over AWS_ENDPOINT_URL', () => {
    expect(configuredStsEndpoint({ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_STS: 'http://b' })).toBe('http://b');
    expect(stsUrl({})).toBe('https://sts.amazonaws.com');
    expect(stsUrl({}, 'eu-west-1')).toBe('https://sts.eu-west-1.amazonaws.com');
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
