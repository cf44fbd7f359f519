import { describe, expect, it } from 'vitest';
import { isExpired, parseEntry, processOutput, serialiseEntry, type StoredEntry } from '../../src/credentials/entry.js';
import { parseArgs } from '../../src/credentials/credential-process.js';

const entry: StoredEntry = {
  Version: 1,
  AccessKeyId: 'ASIA1',
  SecretAccessKey: 's',
  SessionToken: 't',
  Expiration: '2026-11-26T12:00:00.000Z',
  duoSsoSetup: { profile: 'dev', storedAt: '2026-11-26T11:00:00.000Z', expirationSource: 'estimated', credentialsPatch: { section: 'dev', offset: 4, context: '[dev]\n', before: 'x\n', after: '' } },
};

describe('stored entries', () => {
  it('round-trips as one line and rejects anything that is not ours', () => {
    const text = serialiseEntry(entry);
    expect(text).not.toContain('\n');
    expect(parseEntry(text)).toEqual(entry);
    for (const bad of ['', 'not json', '{"Version":2}', JSON.stringify({ ...entry, SecretAccessKey: '' }), JSON.stringify({ ...entry, Expiration: 'soon' }), JSON.stringify({ ...entry, duoSsoSetup: { ...entry.duoSsoSetup, credentialsPatch: { section: 1 } } })]) {
      expect(parseEntry(bad)).toBeUndefined();
    }
  });

  it('prints only the credential_process Version 1 fields', () => {
    expect(processOutput(entry)).toBe('{"Version":1,"AccessKeyId":"ASIA1","SecretAccessKey":"s","SessionToken":"t","Expiration":"2026-11-26T12:00:00.000Z"}\n');
    const { SessionToken: _t, Expiration: _e, ...longTerm } = entry;
    expect(processOutput(longTerm as StoredEntry)).toBe('{"Version":1,"AccessKeyId":"ASIA1","SecretAccessKey":"s"}\n');
  });

  it('counts credentials within 10 seconds of expiry as expired (valid keys are served to the end); no expiry never expires', () => {
    expect(isExpired(entry, new Date('2026-11-26T11:58:00Z'))).toBe(false);
    expect(isExpired(entry, new Date('2026-11-26T11:59:30Z'))).toBe(false);
    expect(isExpired(entry, new Date('2026-11-26T11:59:51Z'))).toBe(true);
    expect(isExpired({}, new Date('2100-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('credential-process arguments', () => {
  it.each([
    [['--profile', 'dev'], { ok: true, profile: 'dev' }],
    [['--profile=dev', '--store', 'pass'], { ok: true, profile: 'dev', store: 'pass' }],
    [[], { ok: false, message: expect.stringMatching(/--profile NAME is required/) }],
    [['--profile'], { ok: false, message: '--profile needs a value' }],
    [['--profile', 'dev', '--store', 'vault'], { ok: false, message: "--store must be keychain or pass, got 'vault'" }],
    [['--profile', 'dev', 'extra'], { ok: false, message: expect.stringMatching(/unknown argument 'extra'/) }],
  ])('%j', (args, expected) => {
    expect(parseArgs(args)).toEqual(expected);
  });
});
