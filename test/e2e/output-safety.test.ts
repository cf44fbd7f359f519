// Nothing a terminal would act on reaches it: profile names, roles, SAML attribute values and
// pasted text that carry escape sequences (OSC 52 clipboard writes, CSI, C1 controls, BEL, CR,
// backspace, bidi overrides) go through every printing command, and stdout and stderr hold
// none of those characters raw. In --json the values stay as data. And an error never echoes
// an option's value (it may be a secret).
import { describe, expect, it } from 'vitest';
import { sandboxPerTest, type Sandbox } from '../support/sandbox.js';
import { buildSaml, grant, toBase64 } from '../support/saml-builder.js';

const sandbox = sandboxPerTest();

/** Sequences that act on a terminal. None may contain `]` or a newline (INI section names). */
const CORPUS = [
  '\u001b[2J\u001b[H', // CSI: clear the screen, cursor home
  '\u009d52;c;aGFja2Vk\u009c', // C1 OSC 52 (clipboard write), ended by C1 ST
  '\u009b31m', // C1 CSI
  '\u0007', // BEL
  'x\rspoof', // CR: overprint the line
  'ab\b\bXY', // backspace
  '\u202eevil\u202c', // right-to-left override
  '\u2066iso\u2069', // isolate
  '\u001bP+q\u001b\\', // DCS
];
/** OSC 52 written the ESC way (has a `]`): for places that are not INI section names. */
const OSC52 = '\u001b]52;c;aGFja2Vk\u0007';

/** Raw terminal controls in output: C0 but tab/newline, a CR not ending a line, DEL, C1, bidi controls. */
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/u;

function rawControls(text: string): string[] {
  return [...text].filter((c) => RAW.test(c) && c !== '\r').concat(/\r(?!\n)/.test(text) ? ['\r'] : []).map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

function assertInert(r: { stdout: string; stderr: string }, what: string): void {
  expect(rawControls(r.stdout), `${what}: stdout`).toEqual([]);
  expect(rawControls(r.stderr), `${what}: stderr`).toEqual([]);
}

const hostile = (i: number) => `p${i}${CORPUS[i % CORPUS.length]}`;

async function hostileBox(): Promise<Sandbox> {
  const b = await sandbox();
  const names = CORPUS.map((_, i) => hostile(i));
  await b.write('.config/duo-sso/config.json', JSON.stringify({
    url: `https://cloudsso.example.com/${OSC52}`,
    session_duration_seconds: 3600,
    profiles: Object.fromEntries([
      ...names.map((n, i) => [n, { aws_account_id: '222222222222', aws_role_name: `admin${CORPUS[i]}` }]),
      [`osc${OSC52}`, { aws_account_id: `2222${OSC52}`, aws_role_name: OSC52 }],
    ]),
  }, null, 2));
  // The AWS files as the AWS CLI can read them: a CR inside a section header is a line break to
  // Python (universal newlines), which makes the whole file unparsable (status then says only that).
  // That name still goes through every command from config.json.
  const iniNames = names.filter((n) => !n.includes('\r'));
  await b.write('.aws/config', iniNames.map((n) => `[profile ${n}]\nregion = eu-west-1${n.slice(2)}\n`).join('\n'));
  await b.write('.aws/credentials', iniNames.map((n) => `[${n}]\naws_access_key_id = ASIAEXAMPLE${n.length}\naws_secret_access_key = x\naws_session_token = y\nx_security_token_expires = 2020-01-01T00:00:00Z\n`).join('\n'), 0o600);
  return b;
}

describe('an escape-sequence corpus through every printing command', () => {
  it('status, config profiles, config validate, doctor and errors: nothing raw reaches the terminal; --json keeps the data', async () => {
    const b = await hostileBox();
    const runs: [string, string[]][] = [
      ['status', ['status']],
      ['status --json', ['status', '--json']],
      ['status --profile', ['status', '--profile', hostile(1)]],
      ['config profiles', ['config', 'profiles']],
      ['config profiles --json', ['config', 'profiles', '--json']],
      ['config validate', ['config', 'validate']],
      ['config validate --json', ['config', 'validate', '--json']],
      ['doctor', ['doctor', '--only', 'config,profiles,session-duration,credentials']],
      ['doctor --json', ['doctor', '--json', '--only', 'config,profiles,session-duration,credentials']],
      ['login (unknown profile)', ['login', '--yes', '--profile', `nope${OSC52}`]],
      ['unknown command', [`x${OSC52}`]],
      ['unknown option', ['status', `--x${OSC52}`]],
      ['unknown option --json', ['status', '--json', `--x${OSC52}`]],
      ['console (unknown profile)', ['console', '--print', '-p', `nope${OSC52}`]],
      ['exec (unknown profile)', ['exec', '-p', `nope${OSC52}`, '--', 'true']],
    ];
    const seen: Record<string, { stdout: string; stderr: string; json: any }> = {};
    for (const [what, args] of runs) {
      const r = await b.run(args);
      seen[what] = r;
      assertInert(r, what);
    }
    // The names were printed (shown inert), not dropped: the human text has the escape visibly.
    expect(seen['config profiles']!.stdout).toContain('osc\\u001b]52;c;aGFja2Vk\\u0007');
    expect(seen['unknown command']!.stderr).toContain("unknown command 'x\\u001b]52;c;aGFja2Vk\\u0007'");
    // In --json the data is the user's own string, byte for byte, once parsed.
    const listed = JSON.stringify(seen['config profiles --json']!.json);
    expect(listed).toContain(JSON.stringify(`osc${OSC52}`).slice(1, -1));
    expect(JSON.stringify(seen['status --json']!.json)).toContain(JSON.stringify(hostile(2)).slice(1, -1));
    expect(seen['unknown option --json']!.json.error.message).toContain(`--x${OSC52}`);
  });

  it('saml inspect: attribute values, role ARNs and the issuer with escapes are shown inert', async () => {
    const b = await sandbox();
    const xml = buildSaml({
      roles: [grant('626007623524', `admin${OSC52}`), grant('012345678901', `devops${CORPUS[2]}`)],
      roleSessionName: `jdoe${CORPUS[0]}${CORPUS[6]}`,
      attributes: { [`https://example.com/attr${CORPUS[4]}`]: CORPUS },
      sessionDuration: `36\u001b[8m00`,
    });
    const file = await b.write('response.b64', toBase64(xml));
    // Valid roles, so inspect gets past them to the other attributes it shows; and only the
    // controls XML allows in a well-formed document (C1, bidi: no ESC or other C0, which make
    // the document unreadable as XML and are refused as such, as the first file shows).
    const xmlLegal = CORPUS.filter((c) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(c));
    const valid = await b.write('valid.xml', buildSaml({ roles: [grant('626007623524', 'admin')], roleSessionName: `jdoe${CORPUS[1]}`, attributes: { [`https://example.com/attr${CORPUS[6]}`]: xmlLegal }, sessionDuration: `36\u009b8m00` }));
    const shown = await b.run(['saml', 'inspect', valid]);
    expect(shown.stdout).toContain('626007623524');
    for (const args of [['saml', 'inspect', file], ['saml', 'inspect', file, '--json'], ['saml', 'inspect', file, '--verbose'], ['saml', 'inspect', valid], ['saml', 'inspect', valid, '--json', '--show-subject']]) {
      const r = await b.run(args);
      assertInert(r, args.join(' '));
      expect(r.stdout + r.stderr).not.toBe('');
    }
  });

  it('troubleshoot: pasted text with escapes is quoted inert', async () => {
    const b = await sandbox();
    const pasted = [
      `An error occurred (AccessDenied) when calling the AssumeRoleWithSAML operation: Not authorized to perform sts:AssumeRoleWithSAML on arn:aws:iam::123456789012:role/ad${OSC52}min`,
      `An error occurred (WeirdError${CORPUS[0]}) when calling the GetCallerIdentity operation: ${CORPUS.join(' ')}`,
      `The config profile (dev${CORPUS[1]}) could not be found`,
      ...CORPUS,
    ].join('\n');
    for (const args of [['troubleshoot', '-'], ['troubleshoot', '--json', '-']]) {
      const r = await b.run(args, { input: pasted });
      assertInert(r, args.join(' '));
    }
    const asArgument = await b.run(['troubleshoot', `The config profile (dev${OSC52}) could not be found`]);
    assertInert(asArgument, 'troubleshoot ARG');
  });

  it('login: what duo-sso prints (its errors quote the SAML and STS answers) is echoed inert', async () => {
    const b = await hostileBox();
    await b.write('.config/duo-sso/config.json', JSON.stringify({ url: 'https://cloudsso.example.com', session_duration_seconds: 3600, profiles: { dev: { aws_account_id: '222222222222', aws_role_name: 'admin' } } }));
    // A duo-sso whose output carries escape sequences, as an error quoting a server's answer would.
    await b.addScript('duo-sso', `#!/bin/sh\ncase "$1" in -version|--version) echo 'duo-sso v3.4.1'; exit 0;; esac\nprintf 'Waiting for Duo approval...\\n'\nprintf 'Error: Failed to Assume Role \\033]52;c;aGFja2Vk\\007 \\233 2J \\342\\200\\256evil\\r\\n' >&2\nprintf 'prompt \\033[2J? '\nsleep 1\nexit 1\n`);
    for (const args of [['login', '--yes', '--profile', 'dev', '--no-verify'], ['login', '--yes', '--profile', 'dev', '--no-verify', '--json']]) {
      const r = await b.run(args);
      assertInert(r, args.join(' '));
      // The line was shown (inert), not dropped.
      if (!args.includes('--json')) expect(r.stderr).toContain('Failed to Assume Role \\u001b]52;c;aGFja2Vk\\u0007');
    }
  });

  it('file contents quoted in an error (a broken config.json\'s line) are shown inert', async () => {
    const b = await sandbox();
    await b.write('.config/duo-sso/config.json', `{\n  "url": "https://sso.example.com/${OSC52}\u009b2J",\n  oops ${CORPUS[0]}\n}\n`);
    for (const args of [['config', 'validate'], ['config', 'validate', '--json'], ['config', 'profiles'], ['doctor', '--only', 'config'], ['status']]) {
      const r = await b.run(args);
      assertInert(r, args.join(' '));
    }
    const shown = await b.run(['config', 'validate']);
    expect(shown.exitCode).not.toBe(0);
    expect(shown.stdout + shown.stderr).toMatch(/config\.json:2:\d+: invalid character in string\n.*sso\.example\.com\/\\u001b\]52;c;aGFja2Vk\\u0007\\u009b2J/);
  });

  it('with colour forced on, only our own colour codes pass', async () => {
    const b = await hostileBox();
    const r = await b.run(['config', 'profiles'], { env: { FORCE_COLOR: '1' } });
    const withoutOurColours = { stdout: r.stdout.replace(/\u001b\[(?:3[1-9]|2|22|1)m/g, ''), stderr: r.stderr.replace(/\u001b\[(?:3[1-9]|2|22|1)m/g, '') };
    assertInert(withoutOurColours, 'config profiles (colour)');
  });
});

describe('errors never echo an option\'s value', () => {
  it.each([
    [['troubleshoot', '--aws-secret-access-key SECRETVALUE1']],
    [['troubleshoot', '--aws-secret-access-key=SECRETVALUE1']],
    [['status', '--password=SECRETVALUE1']],
    [['status', '--profile', '--aws-secret-access-key=SECRETVALUE1']],
    [['login', '-p', '-xSECRETVALUE1']],
  ])('%j', async (args) => {
    const b = await sandbox();
    const r = await b.run(args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('SECRETVALUE1');
    // The option's name is still there to say what was wrong.
    expect(r.stderr).toMatch(/--aws-secret-access-key|--password|-x|--profile/);
  });

  it('a secret-shaped word given as a command is redacted too', async () => {
    const b = await sandbox();
    const r = await b.run(['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });
});
