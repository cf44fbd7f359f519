// botocore-view's ports, each judged by the botocore function it ports: credential_process
// split by botocore.compat.compat_shell_split (POSIX shlex and the Windows rules), and the
// nested-block error of configloader.raw_config_parse at its line.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { awsView, parseFiles, shlexSplit, splitCredentialProcess, windowsSplit } from '../../src/aws/botocore-view.js';
import { botocoreViews, oracleAvailable, PYTHON } from '../support/botocore-oracle.js';

const COMMANDS = [
  'a b  c', ' lead', 'trail ', '', '   ', 'x\ty', 'x\ny', 'x\ry',
  "'a b' c", '"a b" c', 'a\\ b', '"a\\"b"', "'a\\'", '"unterminated', "'unterminated", 'back\\',
  'a"b"c', "a'b'c", '"a\\\\b"', '"\\a\\$"', '"" empty', "'' empty", "''", '""', 'a"b c"d',
  'C:\\Program Files\\x.exe --y', '"C:\\Program Files\\x.exe" --y', 'a\\\\"b c"', 'a\\\\\\"b', '\\\\server\\share x',
  'tab\\\tin', 'é ü', 'a\\\\', '"a b\\\\"', 'a\\"', '\\"a b\\"', 'a\\\\\\\\"b"', '"a"\'b\'', "'\"'", '"\'"',
  "/usr/bin/node '/opt/o'\\''brien tools/cli.js' credential-process --profile dev", 'a  \\  b', '"x y"z w',
];

describe.skipIf(!oracleAvailable())('credential_process is split as botocore splits it', () => {
  it('POSIX (shlex) and Windows, on quoting and escaping edge cases', () => {
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
    const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(COMMANDS), env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8' } });
    expect(r.stderr.toString()).toBe('');
    const botocore = JSON.parse(r.stdout.toString()) as [string[] | null, string[] | null][];
    const ours = COMMANDS.map((c) => [shlexSplit(c) ?? null, windowsSplit(c) ?? null]);
    expect(ours.map((o, i) => ({ command: COMMANDS[i], split: o }))).toEqual(botocore.map((b, i) => ({ command: COMMANDS[i], split: b })));
    // The list must hold both failures and differences between the platforms, or it proves little.
    expect(botocore.filter(([p]) => p === null).length).toBeGreaterThan(2);
    expect(botocore.filter(([, w]) => w === null).length).toBeGreaterThan(0);
    expect(botocore.filter(([p, w]) => JSON.stringify(p) !== JSON.stringify(w)).length).toBeGreaterThan(10);
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
