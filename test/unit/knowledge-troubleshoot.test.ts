import { describe, expect, it } from 'vitest';
import { runTroubleshoot } from '../../src/knowledge/troubleshoot.js';
import { runSamlInspect } from '../../src/saml/inspect.js';
import { UserError } from '../../src/errors.js';
import { buildSaml } from '../support/saml-builder.js';

function fakeCtx(opts: { json?: boolean; stdinIsTTY?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    ctx: {
      io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), stdinIsTTY: opts.stdinIsTTY ?? false, stdoutIsTTY: false, stderrIsTTY: false },
      options: { json: Boolean(opts.json), yes: false, dryRun: false, verbose: false, color: false },
      style: { color: false, unicode: false },
      now: () => new Date(),
    },
  };
}

async function* chunks(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p);
}

describe('runTroubleshoot', () => {
  it('reads standard input when no text is given and stdin is not a terminal', async () => {
    const { ctx, out } = fakeCtx();
    const code = await runTroubleshoot(ctx, { text: [], list: false }, chunks('gpg: decryption ', 'failed: No secret key\n'));
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/^\[x\] gpg-no-secret-key: /);
    expect(out.join('')).toContain('      $ gpg --list-secret-keys --keyid-format long\n');
  });

  it('refuses to wait on a terminal for input nobody announced (usage error)', async () => {
    const { ctx } = fakeCtx({ stdinIsTTY: true });
    const error = await runTroubleshoot(ctx, { text: [], list: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
  });

  it('joins unquoted words into one message', async () => {
    const { ctx, out } = fakeCtx({ json: true });
    expect(await runTroubleshoot(ctx, { text: ['bash:', 'duo-sso:', 'command', 'not', 'found'], list: false })).toBe(0);
    expect(JSON.parse(out.join('')).diagnoses[0].id).toBe('duo-sso-not-found');
  });
});

describe('runSamlInspect', () => {
  it('is a usage error with no file and a terminal on stdin', async () => {
    const { ctx } = fakeCtx({ stdinIsTTY: true });
    const error = await runSamlInspect(ctx, { showSubject: false }).catch((e: unknown) => e);
    expect((error as UserError).exitCode).toBe(2);
  });

  it('prints exactly one JSON document', async () => {
    const { ctx, out, err } = fakeCtx({ json: true });
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'saml-'));
    try {
      await writeFile(join(dir, 'r.xml'), buildSaml());
      expect(await runSamlInspect(ctx, { file: join(dir, 'r.xml'), showSubject: false })).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!).roles).toHaveLength(1);
    expect(err).toEqual([]);
  });
});

// Issue 15 item 8: a fact captured from the message reached --json and the fix commands
// unredacted (the evidence line alone was redacted), and a capture could run across lines.
describe('troubleshoot never echoes a secret through a captured fact', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const TEXTS = [
    `The config profile (dev aws_secret_access_key=${SECRET}) could not be found`,
    `The config profile (dev\naws_secret_access_key = ${SECRET}\n) could not be found`,
    `The config profile (${SECRET}) could not be found`,
    `Profile x\naws_session_token=IQoJb3JpZ2luX2VjEJrSECRETTOKEN could not be found or parsed in shared credentials file.`,
  ];

  it.each(TEXTS)('in --json and in the human report: %s', async (text) => {
    for (const json of [true, false]) {
      const { ctx, out } = fakeCtx({ json });
      await runTroubleshoot(ctx, { text: [text], list: false });
      const printed = out.join('');
      expect(printed).not.toContain(SECRET);
      expect(printed).not.toContain('IQoJb3JpZ2luX2VjEJrSECRETTOKEN');
    }
  });

  it('keeps every captured fact within one line', async () => {
    const { ctx, out } = fakeCtx({ json: true });
    // The region capture may run over a line break; only its first line becomes the fact.
    await runTroubleshoot(ctx, { text: ["Provided region_name 'eu-west-1\n--profile x; rm -rf ~' doesn't match a supported format"], list: false });
    const doc = JSON.parse(out.join('')) as { diagnoses: { id: string; line: number; facts: Record<string, unknown> }[] };
    expect(doc.diagnoses.map((d) => [d.id, d.line, d.facts])).toEqual([['aws-region-missing', 1, { region: 'eu-west-1' }]]);
  });

  it('still fills a plain profile name in', async () => {
    const { ctx, out } = fakeCtx({ json: true });
    await runTroubleshoot(ctx, { text: ['The config profile (eticloud) could not be found'], list: false });
    expect(JSON.parse(out.join('')).diagnoses[0].fix.commands).toEqual([['duo-sso-setup', 'login', '--profile', 'eticloud']]);
  });
});

describe('troubleshoot on a message nothing matches', () => {
  it.each([
    ['Error: read tcp 10.1.2.3:5555->10.9.9.9:443: use of closed network connection', 'network'],
    ['error: 401 Unauthorized: your session token is no longer accepted', 'authentication'],
    ['open /home/jdoe/.config/duo-sso/config.json: permission denied', 'permissions'],
    ['yaml: line 3: did not find expected key in the config file for profile dev', 'configuration'],
    ['panic: runtime error: index out of range [1] with length 0', 'tooling'],
    ['everything is fine', 'unknown'],
  ])('%s → %s, with doctor as the next step', async (text, family) => {
    const { ctx, out } = fakeCtx({ json: true });
    expect(await runTroubleshoot(ctx, { text: [text], list: false })).toBe(1);
    const doc = JSON.parse(out.join(''));
    expect(doc.recognised).toBe(false);
    expect(doc.family.family).toBe(family);
    expect(doc.family.commands.some((c: string[]) => c[0] === 'duo-sso-setup' && c[1] === 'doctor')).toBe(true);
    const human = fakeCtx();
    await runTroubleshoot(human.ctx, { text: [text], list: false });
    const printed = human.out.join('');
    expect(printed).not.toContain('No known failure recognised');
    expect(printed).toContain('Not a known failure.');
    expect(printed).toMatch(/\$ duo-sso-setup doctor/);
  });
});
