import { describe, expect, it } from 'vitest';
import { parseAwsVersion } from '../../src/parsers/aws-version.js';
import { compareVersions, parseVersion } from '../../src/parsers/tool-version.js';
import { keyMatches, parseSecretKeys } from '../../src/parsers/gpg-keys.js';
import { distroFromOsRelease, packageManagerFor, parseOsRelease } from '../../src/platform/os-release.js';

describe('parseAwsVersion', () => {
  it.each([
    ['aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off', '2.15.30', 2, 'exe'],
    ['aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44 source/x86_64.debian.12 prompt/off', '2.9.19', 2, 'source'],
    ['aws-cli/2.13.0 Python/3.11.4 Darwin/23.0.0 exe/x86_64 prompt/off', '2.13.0', 2, 'exe'],
    ['aws-cli/1.29.0 Python/3.11.7 Linux/6.1.0 botocore/1.31.0', '1.29.0', 1, undefined],
    ['aws-cli/1.18.69 Python/2.7.18 Linux/5.4.0 botocore/1.16.19', '1.18.69', 1, undefined],
  ])('%s', (text, version, major, distribution) => {
    expect(parseAwsVersion(text)).toEqual({ version, major, distribution });
  });

  it('returns undefined for anything else', () => {
    expect(parseAwsVersion('pyenv: aws: command not found')).toBeUndefined();
    expect(parseAwsVersion('')).toBeUndefined();
  });
});

describe('parseVersion / compareVersions', () => {
  it.each([
    ['duo-sso v3.4.1', '3.4.1'],
    ['duo-sso version 3.5.0', '3.5.0'],
    ['gpg (GnuPG) 2.2.40', '2.2.40'],
    ['Homebrew 4.3.1\nHomebrew/homebrew-core (git revision 1)', '4.3.1'],
    ['v3.0.0-rc.1', '3.0.0-rc.1'],
  ])('%s → %s', (text, v) => expect(parseVersion(text)).toBe(v));

  it('orders versions numerically', () => {
    expect(compareVersions('3.10.0', '3.9.9')).toBe(1);
    expect(compareVersions('3.4', '3.4.0')).toBe(0);
    expect(compareVersions('2.9.19', '2.15.0')).toBe(-1);
  });
});

// Real `gpg --list-secret-keys --with-colons --fixed-list-mode` output, shortened.
const NOW = new Date('2026-11-26T00:00:00Z');
const USABLE = `sec:u:255:22:AAAABBBBCCCCDDDD:1764000000:::u:::scESC:::+:::ed25519:::0:
fpr:::::::::0123456789ABCDEF0123AAAABBBBCCCCDDDD:
grp:::::::::1111111111111111111111111111111111111111:
uid:u::::1764000000::HASH::Test User <test@example.com>::::::::::0:
ssb:u:255:18:EEEEFFFF00001111:1764000000::::::e:::+:::cv25519::
fpr:::::::::9999888877776666555544443333EEEEFFFF0000:
`;
const EXPIRED_BY_FLAG = `sec:e:3072:1:1111222233334444:1600000000:1700000000::u:::sc:::+:::::0:
fpr:::::::::FFFF000011112222333344445555111122223333:
uid:e::::1600000000::HASH::Old Key <old@example.com>::::::::::0:
ssb:e:3072:1:5555666677778888:1600000000:1700000000:::::e:::+:::
`;
const EXPIRED_BY_DATE = `sec:u:255:22:AAAA000011112222:1700000000:1764000000::u:::scESC:::+:::ed25519:::0:
fpr:::::::::ABCDABCDABCDABCDABCDABCDAAAA000011112222:
uid:u::::1700000000::HASH::Soon Gone\\x3a Ltd <gone@example.com>::::::::::0:
`;
const REVOKED = `sec:r:255:22:9999000011112222:1700000000:::u:::sc:::+:::ed25519:::0:
fpr:::::::::DEADBEEFDEADBEEFDEADBEEF9999000011112222:
uid:r::::1700000000::HASH::Revoked <r@example.com>::::::::::0:
`;
const SIGN_ONLY = `sec:u:255:22:7777000011112222:1700000000:::u:::scSC:::+:::ed25519:::0:
fpr:::::::::7777777777777777777777777777000011112222:
uid:u::::1700000000::HASH::Signer <s@example.com>::::::::::0:
`;

describe('parseSecretKeys', () => {
  it('reads fingerprint, uid and usability', () => {
    const [key] = parseSecretKeys(USABLE, NOW);
    expect(key).toMatchObject({ fingerprint: '0123456789ABCDEF0123AAAABBBBCCCCDDDD', keyId: 'AAAABBBBCCCCDDDD', userIds: ['Test User <test@example.com>'], state: 'usable', canEncrypt: true });
  });

  it('tells expired (by flag or by date), revoked and sign-only keys apart', () => {
    const keys = parseSecretKeys(EXPIRED_BY_FLAG + EXPIRED_BY_DATE + REVOKED + SIGN_ONLY, NOW);
    expect(keys.map((k) => [k.fingerprint.slice(0, 4), k.state, k.canEncrypt])).toEqual([
      ['FFFF', 'expired', false],
      ['ABCD', 'expired', true],
      ['DEAD', 'revoked', false],
      ['7777', 'usable', false],
    ]);
    expect(keys[1]!.userIds).toEqual(['Soon Gone: Ltd <gone@example.com>']);
  });

  it('matches pass .gpg-id entries by fingerprint, long key id or email', () => {
    const [key] = parseSecretKeys(USABLE, NOW);
    expect(keyMatches(key!, '0123456789ABCDEF0123AAAABBBBCCCCDDDD')).toBe(true);
    expect(keyMatches(key!, '0xAAAABBBBCCCCDDDD')).toBe(true);
    expect(keyMatches(key!, 'test@example.com')).toBe(true);
    expect(keyMatches(key!, 'other@example.com')).toBe(false);
    expect(keyMatches(key!, '')).toBe(false);
  });

  // Found by the new-user review: a store initialised for the encryption subkey (pass hands the
  // id to gpg -r, which takes it) was reported as "not a usable secret key here".
  it('matches an encryption subkey\'s fingerprint or id (with gpg\'s ! too), never a subkey that cannot encrypt', () => {
    const [key] = parseSecretKeys(USABLE, NOW);
    expect(key!.encryptionSubkeys).toEqual(['9999888877776666555544443333EEEEFFFF0000']);
    expect(keyMatches(key!, '9999888877776666555544443333EEEEFFFF0000')).toBe(true);
    expect(keyMatches(key!, '0x5544443333EEEEFFFF0000!')).toBe(true);
    expect(keyMatches(key!, 'AAAABBBBCCCCDDDD!')).toBe(true);
    const signingSub = USABLE.replace('::::::e:::+:::cv25519::', '::::::s:::+:::ed25519::');
    const [signer] = parseSecretKeys(signingSub, NOW);
    expect(signer!.encryptionSubkeys).toEqual([]);
    expect(keyMatches(signer!, '9999888877776666555544443333EEEEFFFF0000')).toBe(false);
  });

  it('returns nothing for an empty keyring', () => {
    expect(parseSecretKeys('', NOW)).toEqual([]);
  });
});

const OS_RELEASE: Record<string, [string, string | undefined]> = {
  debian: ['PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n', 'apt'],
  ubuntu: ['NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 24.04.1 LTS"\n', 'apt'],
  fedora: ['NAME="Fedora Linux"\nVERSION_ID=40\nID=fedora\nPRETTY_NAME="Fedora Linux 40 (Workstation Edition)"\n', 'dnf'],
  centos7: ['NAME="CentOS Linux"\nVERSION_ID="7"\nID="centos"\nID_LIKE="rhel fedora"\n', 'yum'],
  arch: ['NAME="Arch Linux"\nPRETTY_NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\n', 'pacman'],
  opensuse: ['NAME="openSUSE Tumbleweed"\nID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\nVERSION_ID="20241120"\n', 'zypper'],
  alpine: ['NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n', 'apk'],
  mint: ['NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n', 'apt'],
  unknown: ['NAME="Plan 9"\nID=plan9\n', undefined],
};

describe('os-release', () => {
  it.each(Object.entries(OS_RELEASE))('%s', (_name, [text, pm]) => {
    const distro = distroFromOsRelease(text)!;
    expect(packageManagerFor(distro)).toBe(pm);
  });

  it('unquotes values and ignores comments', () => {
    expect(parseOsRelease('# c\nNAME="A \\"B\\""\nX=\'y\'\n')).toEqual({ NAME: 'A "B"', X: 'y' });
  });

  it('prefers yum when dnf is not installed', () => {
    const distro = distroFromOsRelease(OS_RELEASE.fedora![0])!;
    expect(packageManagerFor(distro, (n) => n === 'yum')).toBe('yum');
  });
});
