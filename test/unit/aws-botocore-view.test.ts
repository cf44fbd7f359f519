// botocore-view's ports, each judged by the botocore function it ports: credential_process
// split by botocore.compat.compat_shell_split (POSIX shlex and the Windows rules), and the
// nested-block error of configloader.raw_config_parse at its line.
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { awsView, configProfileName, parseFiles, shlexSplit, splitCredentialProcess, windowsSplit } from '../../src/aws/botocore-view.js';
import { botocoreViews, modelView, oracleAvailable, PYTHON } from '../support/botocore-oracle.js';

const COMMANDS = [
  'a b  c', ' lead', 'trail ', '', '   ', 'x\ty', 'x\ny', 'x\ry',
  "'a b' c", '"a b" c', 'a\\ b', '"a\\"b"', "'a\\'", '"unterminated', "'unterminated", 'back\\',
  'a"b"c', "a'b'c", '"a\\\\b"', '"\\a\\$"', '"" empty', "'' empty", "''", '""', 'a"b c"d',
  'C:\\Program Files\\x.exe --y', '"C:\\Program Files\\x.exe" --y', 'a\\\\"b c"', 'a\\\\\\"b', '\\\\server\\share x',
  'tab\\\tin', 'é ü', 'a\\\\', '"a b\\\\"', 'a\\"', '\\"a b\\"', 'a\\\\\\\\"b"', '"a"\'b\'', "'\"'", '"\'"',
  "/usr/bin/node '/opt/o'\\''brien tools/cli.js' credential-process --profile dev", 'a  \\  b', '"x y"z w',
  '\\ b', '\\', '\\\\', '"a\tb" c', 'a\\\\ b', '\\"', '\\\\"a b"', 'x "" y', "x '' y", 'a""b', '"a"b c', '\t"a"\t',
  '"a\\\nb"', 'a\\\nb', "'a\\\"b'", 'a\\\\\\', 'é"ü v"',
];

/** botocore.compat.compat_shell_split of each command, [linux, win32] (null where it raises ValueError). */
function botocoreSplits(commands: readonly string[]): [string[] | null, string[] | null][] {
  const script = [
    'import json, sys',
    'import awscli.botocore',
    'from botocore.compat import compat_shell_split',
    'def split(c, p):',
    '    try:',
    '        return compat_shell_split(c, p)',
    '    except ValueError:',
    '        return None',
    'print(json.dumps([[split(c, "linux"), split(c, "win32")] for c in json.load(sys.stdin)]))',
  ].join('\n');
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(commands), env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8' } });
  expect(r.stderr.toString()).toBe('');
  return JSON.parse(r.stdout.toString()) as [string[] | null, string[] | null][];
}

describe.skipIf(!oracleAvailable())('credential_process is split as botocore splits it', () => {
  it('POSIX (shlex) and Windows, on quoting and escaping edge cases', () => {
    const botocore = botocoreSplits(COMMANDS);
    const ours = COMMANDS.map((c) => [shlexSplit(c) ?? null, windowsSplit(c) ?? null]);
    expect(ours.map((o, i) => ({ command: COMMANDS[i], split: o }))).toEqual(botocore.map((b, i) => ({ command: COMMANDS[i], split: b })));
    // The list must hold both failures and differences between the platforms, or it proves little.
    expect(botocore.filter(([p]) => p === null).length).toBeGreaterThan(2);
    expect(botocore.filter(([, w]) => w === null).length).toBeGreaterThan(0);
    expect(botocore.filter(([p, w]) => JSON.stringify(p) !== JSON.stringify(w)).length).toBeGreaterThan(10);
  });

  it('POSIX and Windows on 3,000 generated commands of the characters that matter', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\\', '"', "'");
    const commands = fc.sample(fc.array(chars, { maxLength: 9 }).map((c) => c.join('')), { numRuns: 3000, seed: 22 });
    const botocore = botocoreSplits(commands);
    const ours = commands.map((c) => [shlexSplit(c) ?? null, windowsSplit(c) ?? null]);
    expect(ours.map((o, i) => ({ command: commands[i], split: o })).filter((o, i) => !isDeepStrictEqual(o.split, botocore[i]))).toEqual([]);
    // Both splitters fail now and then, and often differ: the sample reaches every rule.
    expect(botocore.filter(([p]) => p === null).length).toBeGreaterThan(300);
    expect(botocore.filter(([, w]) => w === null).length).toBeGreaterThan(300);
    expect(botocore.filter(([p, w]) => !isDeepStrictEqual(p, w)).length).toBeGreaterThan(1000);
  });

  it('splitCredentialProcess picks the rules of the platform', () => {
    expect(splitCredentialProcess("'a b' c", 'linux')).toEqual(['a b', 'c']);
    expect(splitCredentialProcess("'a b' c", 'win32')).toEqual(["'a", "b'", 'c']);
    expect(splitCredentialProcess("'a b' c", 'darwin')).toEqual(['a b', 'c']);
  });
});

describe('a nested block whose lines are not all key = value', () => {
  const config = '[profile a]\nregion = x\ns3 =\n  max_concurrent_requests = 20\n  junk\n';

  it('is an error of the config file at the option\'s line, with its name', () => {
    expect(parseFiles(config, undefined)).toEqual({ ok: false, which: 'config', error: { line: 3, reason: 'starts a nested block (s3 =) whose indented lines are not all key = value' } });
    expect(parseFiles('[a]\n', config)).toEqual({ ok: false, which: 'credentials', error: { line: 3, reason: 'starts a nested block (s3 =) whose indented lines are not all key = value' } });
  });

  it.skipIf(!oracleAvailable())('as botocore reports it, and a well-formed block is read as botocore reads it', () => {
    const good = '[DEFAULT]\ns3 =\n  a = 1\n\n  b=2=3\n[profile a]\nregion = x\n';
    const [bad, ok] = botocoreViews([{ config }, { config: good }]);
    expect(bad).toEqual({ error: 'config' });
    expect(JSON.parse(JSON.stringify(awsView(good, undefined)))).toEqual(ok);
    expect(ok).toEqual({ profiles: { a: { region: 'x', s3: { a: '1', b: '2=3' } } }, credentials: { a: null }, process: {} });
  });
});

// The rules of build_profile_map, SharedCredentialProvider and Session.full_config, one by one
// (the differential tests judge the same against botocore on many files at once).
describe('which section is which profile', () => {
  it.each([
    ['default', 'default'], ['profile dev', 'dev'], ['profile   dev', 'dev'], ["profile 'my dev'", 'my dev'], ['profile "a b"', 'a b'],
    ['profile default', 'default'], ['profile', undefined], ['profiledev', undefined], ['profile a b', undefined], ["profile 'open", undefined],
    ['dev', undefined], ['Default', undefined], [' default', undefined], ['sso-session x', undefined],
  ])('[%s] → %s', (header, name) => {
    expect(configProfileName(header)).toBe(name);
  });

  it('the later of [default] and [profile default] wins; other sections are not profiles', () => {
    const view = awsView('[profile default]\nregion = a\n[default]\nregion = b\n[services x]\nregion = c\n[profile dev]\nregion = d\n', undefined);
    expect(view).toEqual({ profiles: { default: { region: 'b' }, dev: { region: 'd' } }, credentials: { default: null, dev: null }, process: {} });
    expect(awsView('[default]\nregion = b\n[profile default]\nregion = a\n', undefined)).toEqual({ profiles: { default: { region: 'a' } }, credentials: { default: null }, process: {} });
  });
});

const ALL_SEPARATORS = '[profile a]\ns3 =\n  a = 1\vb = 2\fc = 3\x1cd = 4\x1de = 5\x1ef = 6\x85g = 7\u2028h = 8\u2029i = 9\n';

describe('what the AWS CLI sees in both files', () => {
  it('[DEFAULT] gives its options to every section that lacks them, in both files', () => {
    const view = awsView('[DEFAULT]\nregion = r0\noutput = json\n[profile a]\nregion = r1\n', '[DEFAULT]\naws_session_token = T\n[a]\naws_access_key_id = K\naws_secret_access_key = S\n');
    expect(view).toEqual({
      profiles: { a: { region: 'r1', output: 'json', aws_session_token: 'T', aws_access_key_id: 'K', aws_secret_access_key: 'S' } },
      credentials: { a: { keys: ['K', 'S', 'T'] } },
      process: {},
    });
  });

  it('credentials-file sections are merged over config profiles, and a section only there is a profile too', () => {
    const view = awsView('[profile a]\nregion = r\nx = config\n', '[a]\nx = credentials\n[b]\naws_access_key_id = K\n');
    expect(view).toEqual({
      profiles: { a: { region: 'r', x: 'credentials' }, b: { aws_access_key_id: 'K' } },
      credentials: { a: null, b: { partial: 'aws_secret_access_key' } },
      process: {},
    });
  });

  it('keys only from the credentials file; aws_security_token before aws_session_token; no token is null', () => {
    const creds = (body: string) => (awsView(undefined, `[p]\n${body}`) as { credentials: Record<string, unknown> }).credentials.p;
    expect(creds('aws_access_key_id = K\naws_secret_access_key = S\naws_session_token = T\naws_security_token = O\n')).toEqual({ keys: ['K', 'S', 'O'] });
    expect(creds('aws_access_key_id = K\naws_secret_access_key = S\naws_session_token = T\n')).toEqual({ keys: ['K', 'S', 'T'] });
    expect(creds('aws_access_key_id = K\naws_secret_access_key = S\n')).toEqual({ keys: ['K', 'S', null] });
    expect(creds('aws_secret_access_key = S\n')).toBeNull();
    expect(creds('aws_access_key_id = K\n')).toEqual({ partial: 'aws_secret_access_key' });
    const inConfig = awsView('[profile p]\naws_access_key_id = K\naws_secret_access_key = S\n', '[other]\n');
    expect(inConfig).toEqual({ profiles: { p: { aws_access_key_id: 'K', aws_secret_access_key: 'S' }, other: {} }, credentials: { p: null, other: null }, process: {} });
  });

  it('credential_process is split both ways (null where a split fails); a nested block is no command', () => {
    const view = awsView('[profile a]\ncredential_process = "C:\\\\x y.exe" --p \'q r\'\n[profile b]\ncredential_process = "open\n[profile c]\ncredential_process =\n  k = v\n', undefined);
    expect(view).toEqual({
      profiles: { a: { credential_process: '"C:\\\\x y.exe" --p \'q r\'' }, b: { credential_process: '"open' }, c: { credential_process: { k: 'v' } } },
      credentials: { a: null, b: null, c: null },
      process: {
        a: { raw: '"C:\\\\x y.exe" --p \'q r\'', posix: ['C:\\x y.exe', '--p', 'q r'], win32: ['C:\\\\x y.exe', '--p', "'q", "r'"] },
        b: { raw: '"open', posix: null, win32: null },
      },
    });
  });

  it('no files: no profiles', () => {
    expect(awsView(undefined, undefined)).toEqual({ profiles: {}, credentials: {}, process: {} });
  });

  it('the config file\'s error is the one reported when both fail; each at its line', () => {
    expect(awsView('[a]\n[a]\n', 'junk\n')).toEqual({ error: 'config', where: { line: 2, reason: 'repeats the section [a]' } });
    expect(awsView('[a]\n', 'junk\n')).toEqual({ error: 'credentials', where: { line: 1, reason: 'comes before any [section] header' } });
    expect(awsView('[a]\nk =\n  v\n  w = 1\n', undefined)).toEqual({ error: 'config', where: { line: 2, reason: 'starts a nested block (k =) whose indented lines are not all key = value' } });
  });

  it('a nested block: blank lines skipped, keys and values stripped, the first = splits, splitlines separators count', () => {
    const view = awsView('[profile a]\ns3 =\n  a = 1\n\n  b=2=3\n  c =\n', undefined) as { profiles: Record<string, Record<string, unknown>> };
    expect(view.profiles.a).toEqual({ s3: { a: '1', b: '2=3', c: '' } });
    // A line that starts with = has an empty key: read, not an error.
    expect((awsView('[profile a]\ns3 =\n  = v\n', undefined) as { profiles: Record<string, unknown> }).profiles.a).toEqual({ s3: { '': 'v' } });
    const f = parseFiles('[profile a]\ns3 =\n  a = 1\u2028b = 2\u000bc = 3\n', undefined);
    expect(f.ok && Object.fromEntries(Object.entries(f.files.config!.profiles.get('a')!.values))).toEqual({ s3: { a: '1', b: '2', c: '3' } });
    // Every one of str.splitlines()'s separators that a value can hold (a line never holds \r or \n).
    expect((awsView(ALL_SEPARATORS, undefined) as { profiles: Record<string, unknown> }).profiles.a).toEqual({ s3: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6', g: '7', h: '8', i: '9' } });
  });

  it('an option may be called __proto__ and stays an ordinary value', () => {
    const view = awsView('[profile a]\n__proto__ = x\n', undefined) as { profiles: Record<string, Record<string, unknown>> };
    expect(Object.entries(view.profiles.a!)).toEqual([['__proto__', 'x']]);
  });
});

describe.skipIf(!oracleAvailable())('the files of the rules above, as botocore itself sees them', () => {
  const PAIRS: { config?: string; credentials?: string }[] = [
    { config: '[profile default]\nregion = a\n[default]\nregion = b\n[services x]\nregion = c\n[profile dev]\nregion = d\n' },
    { config: '[default]\nregion = b\n[profile default]\nregion = a\n' },
    { config: "[profile   dev]\nregion = a\n[profile 'my dev']\nregion = b\n[profile a b]\nregion = c\n[profiledev]\nregion = d\n[Default]\nregion = e\n" },
    { config: '[DEFAULT]\nregion = r0\noutput = json\n[profile a]\nregion = r1\n', credentials: '[DEFAULT]\naws_session_token = T\n[a]\naws_access_key_id = K\naws_secret_access_key = S\n' },
    { config: '[profile a]\nregion = r\nx = config\n', credentials: '[a]\nx = credentials\n[b]\naws_access_key_id = K\n' },
    { credentials: '[p]\naws_access_key_id = K\naws_secret_access_key = S\naws_session_token = T\naws_security_token = O\n' },
    { credentials: '[p]\naws_access_key_id = K\naws_secret_access_key = S\n' },
    { config: '[profile p]\naws_access_key_id = K\naws_secret_access_key = S\n', credentials: '[other]\n' },
    { config: '[profile a]\ncredential_process = "C:\\\\x y.exe" --p \'q r\'\n[profile b]\ncredential_process = "open\n[profile c]\ncredential_process =\n  k = v\n' },
    { config: '[a]\n[a]\n', credentials: 'junk\n' },
    { config: '[a]\n', credentials: 'junk\n' },
    { config: '[profile a]\ns3 =\n  a = 1\n\n  b=2=3\n  c =\n' },
    { config: '[profile a]\ns3 =\n  a = 1\u2028b = 2\u000bc = 3\n' },
    { config: '[profile a]\n__proto__ = x\n' },
    { config: '[profile a]\ns3 =\n  = v\n' },
    { config: ALL_SEPARATORS },
    {},
  ];

  it('agrees with the model on every one', () => {
    expect(PAIRS.map(modelView)).toEqual(botocoreViews(PAIRS));
  });
});
