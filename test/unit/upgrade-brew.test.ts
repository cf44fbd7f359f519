import { describe, expect, it } from 'vitest';
import { parseListVersions, underPrefix } from '../../src/brew/brew.js';
import { parseInfo } from '../../src/brew/formula-versions.js';
import { normaliseTap, sameTap } from '../../src/brew/names.js';
import { parseTapInfo, tapRemoteUrl } from '../../src/brew/tap-remote.js';
import { chooseTapUrl } from '../../src/upgrade/tap-url.js';
import { checksumFor, latestPage, versionFromTagUrl } from '../../src/release/release-source.js';
import type { RunOptions, RunResult, Runner } from '../../src/platform/process.js';

/** A runner that answers scripted commands and fails the test on any other. */
function fakeRunner(answers: Record<string, Partial<RunResult>>): Runner & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    recorded: [],
    dryRun: false,
    async run(file: string, args: readonly string[], _o?: RunOptions): Promise<RunResult> {
      const key = [file, ...args].join(' ');
      calls.push(key);
      const a = answers[key];
      if (!a) throw new Error(`unexpected command: ${key}`);
      return { argv: [file, ...args], exitCode: 0, stdout: '', stderr: '', timedOut: false, ...a };
    },
  };
}

describe('brew names and parsing', () => {
  it('treats homebrew-tap and tap as the same tap', () => {
    expect(normaliseTap('ATS-operations/homebrew-tap')).toBe('ats-operations/tap');
    expect(sameTap('ats-operations/tap', 'ats-operations/homebrew-tap')).toBe(true);
    expect(sameTap('ats-operations/tap', 'other/tap')).toBe(false);
  });

  it('parses brew list --versions', () => {
    expect(parseListVersions('duo-sso 3.4.0 3.3.1\n', 'duo-sso')).toEqual(['3.4.0', '3.3.1']);
    expect(parseListVersions('awscli 2.15.0\n', 'duo-sso')).toBeUndefined();
    expect(parseListVersions('', 'duo-sso')).toBeUndefined();
  });

  it('parses brew info --json=v2', () => {
    const json = JSON.stringify({ formulae: [{ name: 'duo-sso', full_name: 'ats-operations/tap/duo-sso', versions: { stable: '3.5.0' }, installed: [{ version: '3.4.0' }] }], casks: [] });
    expect(parseInfo(json, 'duo-sso')).toEqual({ installed: '3.4.0', available: '3.5.0', fullName: 'ats-operations/tap/duo-sso' });
    expect(parseInfo('{"formulae":[]}', 'duo-sso')).toBeUndefined();
    expect(parseInfo('Error: not json', 'duo-sso')).toBeUndefined();
  });

  it('knows what is under the prefix', () => {
    expect(underPrefix('/opt/homebrew/bin/duo-sso', '/opt/homebrew')).toBe(true);
    expect(underPrefix('/opt/homebrew-other/bin/duo-sso', '/opt/homebrew')).toBe(false);
    expect(underPrefix('/home/linuxbrew/.linuxbrew/bin/duo-sso', '/home/linuxbrew/.linuxbrew/')).toBe(true);
  });
});

describe('tap remote', () => {
  it('reads it from brew tap-info --json', async () => {
    expect(parseTapInfo('[{"name":"ats-operations/tap","installed":true,"remote":"https://m/tap","path":"/p"}]')).toEqual({ installed: true, remote: 'https://m/tap', path: '/p' });
    const runner = fakeRunner({ 'brew tap-info --json ats-operations/homebrew-tap': { stdout: '[{"installed":true,"remote":"https://m/tap","path":"/p"}]' } });
    expect(await tapRemoteUrl({ runner, env: { PATH: '' } }, 'brew', 'ats-operations/homebrew-tap')).toBe('https://m/tap');
  });

  it('is undefined for a tap that is not installed, without asking git', async () => {
    const runner = fakeRunner({ 'brew tap-info --json ats-operations/homebrew-tap': { stdout: '[{"installed":false,"remote":null}]' } });
    expect(await tapRemoteUrl({ runner, env: { PATH: '/usr/bin:/bin' } }, 'brew', 'ats-operations/homebrew-tap')).toBeUndefined();
    expect(runner.calls).toHaveLength(1);
  });

  it('falls back to git in the tap folder when tap-info fails', async () => {
    const runner = fakeRunner({
      'brew tap-info --json ats-operations/homebrew-tap': { exitCode: 1, stderr: 'Error: Unknown command: tap-info' },
      'brew --repository ats-operations/homebrew-tap': { stdout: '/opt/homebrew/Library/Taps/ats-operations/homebrew-tap\n' },
      '/usr/bin/git -C /opt/homebrew/Library/Taps/ats-operations/homebrew-tap remote get-url origin': { stdout: 'git@mirror:ats/homebrew-tap.git\n' },
    });
    expect(await tapRemoteUrl({ runner, env: { PATH: '/usr/bin' } }, 'brew', 'ats-operations/homebrew-tap')).toBe('git@mirror:ats/homebrew-tap.git');
  });
});

describe('chooseTapUrl', () => {
  it('prefers the flag, then state, then the tap remote, then the guide default', () => {
    expect(chooseTapUrl({ flag: 'F', state: 'S', remote: 'R' })).toEqual({ url: 'F', source: 'flag' });
    expect(chooseTapUrl({ state: 'S', remote: 'R' })).toEqual({ url: 'S', source: 'state' });
    expect(chooseTapUrl({ state: ' ', remote: 'R' })).toEqual({ url: 'R', source: 'tap remote' });
    expect(chooseTapUrl({})).toEqual({ url: 'https://wwwin-github.cisco.com/ATS-operations/homebrew-tap', source: 'default' });
  });
});

describe('release source', () => {
  it('reads the version from the latest-release redirect', () => {
    expect(versionFromTagUrl('https://h/ATS-operations/duo-sso/releases/tag/v3.5.0')).toBe('3.5.0');
    expect(versionFromTagUrl('/releases/tag/3.6.1-rc.1')).toBe('3.6.1-rc.1');
    expect(versionFromTagUrl('https://h/login')).toBeUndefined();
    expect(latestPage('https://h/o/duo-sso/releases/latest/download')).toBe('https://h/o/duo-sso/releases/latest');
    expect(latestPage('https://mirror.example.com/duo-sso')).toBeUndefined();
  });

  it('finds an asset in a goreleaser checksums.txt', () => {
    const text = `${'a'.repeat(64)}  duo-sso_darwin_arm64\n${'B'.repeat(64)} *duo-sso_linux_amd64\n`;
    expect(checksumFor(text, 'duo-sso_linux_amd64')).toBe('b'.repeat(64));
    expect(checksumFor(text, 'duo-sso_linux_arm64')).toBeUndefined();
  });
});
