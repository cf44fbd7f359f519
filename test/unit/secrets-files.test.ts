import { describe, expect, it } from 'vitest';
import { hasSecrets, profilesWithKeys, readProfileCredentials, removeSecrets } from '../../src/credentials/credentials-file.js';
import { splitCredentialProcess } from '../../src/aws/botocore-view.js';
import { commandPaths, credentialProcessCommand, isOurCommand, removeCredentialProcess, setCredentialProcess } from '../../src/credentials/config-file.js';

const FILE = `# duo-sso
[default]
aws_access_key_id = AKIADEFAULT
aws_secret_access_key = d

[eticloud]
; note
aws_access_key_id=ASIAETI
aws_secret_access_key = e/+=
region = us-east-2
aws_security_token = legacy
x_security_token_expires = 2026-01-01T00:00:00Z
`;

describe('credentials file', () => {
  it('reads keys, the legacy token name and an expiry key', () => {
    expect(readProfileCredentials(FILE, 'eticloud')).toEqual({
      kind: 'ok',
      credentials: { accessKeyId: 'ASIAETI', secretAccessKey: 'e/+=', sessionToken: 'legacy', expiration: new Date('2026-01-01T00:00:00Z') },
    });
    expect(readProfileCredentials(FILE, 'default')).toEqual({ kind: 'ok', credentials: { accessKeyId: 'AKIADEFAULT', secretAccessKey: 'd' } });
    expect(readProfileCredentials(FILE, 'nope')).toEqual({ kind: 'no-section' });
    expect(readProfileCredentials('[x]\nregion = a\n', 'x')).toEqual({ kind: 'no-keys' });
    expect(readProfileCredentials('[x]\naws_access_key_id = A\n', 'x')).toEqual({ kind: 'incomplete', missing: ['aws_secret_access_key'] });
  });

  it('lists profiles with keys, or only those with temporary keys', () => {
    expect(profilesWithKeys(FILE)).toEqual(['default', 'eticloud']);
    expect(profilesWithKeys(FILE, { temporaryOnly: true })).toEqual(['eticloud']);
  });

  it('removes exactly the secret lines of one profile, keeping everything else byte for byte', () => {
    expect(removeSecrets(FILE, 'eticloud')).toBe(`# duo-sso
[default]
aws_access_key_id = AKIADEFAULT
aws_secret_access_key = d

[eticloud]
; note
region = us-east-2
x_security_token_expires = 2026-01-01T00:00:00Z
`);
    const crlf = '[a]\r\naws_access_key_id = A\r\nkeep = 1\r\naws_secret_access_key = S';
    // The file ended without a newline and still does.
    expect(removeSecrets(crlf, 'a')).toBe('[a]\r\nkeep = 1');
    expect(hasSecrets(crlf, 'a')).toBe(true);
    expect(hasSecrets(removeSecrets(crlf, 'a'), 'a')).toBe(false);
  });

  it('leaves a file with a repeated section alone: the AWS CLI cannot parse it', () => {
    const text = '[a]\naws_access_key_id = 1\n[b]\nx = 1\n[a]\naws_secret_access_key = 2\n';
    expect(removeSecrets(text, 'a')).toBe(text);
  });
});

describe('config file', () => {
  const cmd = credentialProcessCommand(['/usr/bin/node', '/opt/duo sso/cli.js'], 'eticloud', 'linux');

  it('quotes the command for the AWS CLI\'s splitter on each platform', () => {
    expect(cmd).toBe("/usr/bin/node '/opt/duo sso/cli.js' credential-process --profile eticloud");
    expect(credentialProcessCommand(['C:\\Program Files\\nodejs\\node.exe', 'C:\\tools\\cli.js'], 'dev', 'win32'))
      .toBe('"C:\\Program Files\\nodejs\\node.exe" C:\\tools\\cli.js credential-process --profile dev');
  });

  it('recognises our command and nobody else\'s', () => {
    expect(isOurCommand(cmd)).toBe(true);
    expect(isOurCommand('"C:\\node.exe" x.js credential-process --profile dev')).toBe(true);
    expect(isOurCommand('aws-vault exec dev --json')).toBe(false);
    expect(isOurCommand(undefined)).toBe(false);
  });

  it('adds, replaces its own, refuses someone else\'s, and removes only its own line', () => {
    const added = setCredentialProcess('[default]\nregion = x\n', 'eticloud', cmd);
    expect(added).toEqual({ kind: 'set', text: `[default]\nregion = x\n\n[profile eticloud]\ncredential_process = ${cmd}\n` });
    const mine = '[profile dev]\nregion = y\ncredential_process = /old/node /old/cli.js credential-process --profile dev\n';
    expect(setCredentialProcess(mine, 'dev', 'NEW credential-process --profile dev')).toEqual({ kind: 'set', text: '[profile dev]\nregion = y\ncredential_process = NEW credential-process --profile dev\n' });
    expect(setCredentialProcess('[default]\ncredential_process = aws-vault exec x\n', 'default', cmd)).toEqual({ kind: 'conflict', existing: 'aws-vault exec x' });
    expect(removeCredentialProcess(mine, 'dev')).toBe('[profile dev]\nregion = y\n');
    const theirs = '[profile dev]\ncredential_process = aws-vault exec dev\n';
    expect(removeCredentialProcess(theirs, 'dev')).toBe(theirs);
  });
});

describe('splitting our command line back', () => {
  it.each([
    ["/usr/bin/node '/opt/duo sso/cli.js' credential-process --profile dev", 'linux', ['/usr/bin/node', '/opt/duo sso/cli.js', 'credential-process', '--profile', 'dev']],
    ['"C:\\Program Files\\nodejs\\node.exe" C:\\x\\cli.js credential-process --profile dev', 'win32', ['C:\\Program Files\\nodejs\\node.exe', 'C:\\x\\cli.js', 'credential-process', '--profile', 'dev']],
    ["/d/deno run -A /x/cli.js credential-process --profile 'a b'", 'linux', ['/d/deno', 'run', '-A', '/x/cli.js', 'credential-process', '--profile', 'a b']],
    // An apostrophe in a path, quoted the POSIX way: the doctor read it as two words and a missing file.
    [`'/home/o'\\''brien/node' /opt/cli.js credential-process --profile dev`, 'linux', ["/home/o'brien/node", '/opt/cli.js', 'credential-process', '--profile', 'dev']],
  ] as const)('%s', (line, platform, words) => {
    expect(splitCredentialProcess(line, platform)).toEqual(words);
  });

  it('finds the absolute paths before credential-process, split as the AWS CLI splits them', () => {
    expect(commandPaths(credentialProcessCommand(["/home/o'brien/node", '/opt/cli.js'], 'p', 'linux'), 'linux')).toEqual(["/home/o'brien/node", '/opt/cli.js']);
    expect(commandPaths("/d/deno run -A '/x y/cli.js' credential-process --profile p")).toEqual(['/d/deno', '/x y/cli.js']);
    expect(commandPaths(credentialProcessCommand(['/usr/bin/node', '/opt/a b/cli.js'], 'p', 'linux'))).toEqual(['/usr/bin/node', '/opt/a b/cli.js']);
  });
});
