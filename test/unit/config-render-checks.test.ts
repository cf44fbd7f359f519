import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderFindings, summaryLine } from '../../src/config/render.js';
import { validateText } from '../../src/config/validate.js';
import { sessionDurationCheck } from '../../src/doctor/checks/session-duration.js';
import { profilesCheck } from '../../src/doctor/checks/profiles.js';
import { configCheck } from '../../src/doctor/checks/config.js';
import { resolvePaths } from '../../src/platform/paths.js';
import type { CheckContext } from '../../src/check/types.js';

const ASCII = { color: false, unicode: false };

describe('renderFindings', () => {
  it('prints failures first, the caret excerpt, and the fix, as plain text', () => {
    const text = renderFindings(validateText('{\n  "url": "x",\n}\n', {}, '/h/config.json'), ASCII);
    expect(text).toBe([
      "[x] /h/config.json:3:1: expected a property name in double quotes: remove the trailing comma at 2:13 (JSON allows none before '}')",
      '    3 | }',
      '        ^',
      '    -> Remove the trailing comma (config fix does it). (automatic: duo-sso-setup config fix)',
      '',
    ].join('\n'));
    // An error without an obvious repair keeps the catalogue's advice.
    expect(renderFindings(validateText('{\n  "url": ,\n}\n', {}, '/h/config.json'), ASCII)).toContain('    -> Edit the file at the line and column shown, or duo-sso-setup config init --force (backs the old one up).');
  });

  it('names the JSON path once, marks automatic fixes, and shows where a present key is (a missing one has no place)', () => {
    const doc = JSON.stringify({ url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml', zz: 1 }, null, 1);
    const findings = validateText(doc);
    expect(renderFindings(findings, ASCII)).toBe([
      '[x] no top-level "session_duration_seconds": duo-sso will ask for 28800 s',
      '    -> Set "session_duration_seconds": 3600. (automatic: duo-sso-setup config fix)',
      '[i] "zz" is not a key duo-sso reads',
      '    at line 5, column 2',
      '    -> Correct the spelling if it was meant to be one of the documented keys.',
      '',
    ].join('\n'));
    expect(summaryLine(findings)).toBe('1 failed, 1 note');
  });

  it('a schema finding names its line and column as words, the same at every width (a syntax error keeps its excerpt)', () => {
    const line = `{"url": "https://cloudsso.cisco.com", "partner_spid": "https://signin.aws.amazon.com/saml", "aws_urn": "https://signin.aws.amazon.com/saml", "session_duration_seconds": 3600, "debug": "yes"}`;
    const findings = validateText(`${line}\n`, {}, '/h/config.json').filter((f) => f.path === 'debug');
    expect(findings).toHaveLength(1);
    const expected = [
      '[x] "debug" must be a boolean, not a string ("yes")',
      `    at line 1, column ${line.indexOf('"debug"') + 1}`,
      '    -> Correct the value to the type shown.',
      '',
    ].join('\n');
    expect(renderFindings(findings, ASCII, 60)).toBe(expected);
    expect(renderFindings(findings, ASCII)).toBe(expected);
  });

  it('at a width, the message and the fix wrap under their text; the caret excerpt stays as the file is', () => {
    const line = `{"url": "https://cloudsso.cisco.com", "session_duration_seconds": 3600, "zz": 1,}`;
    const text = renderFindings(validateText(`${line}\n`, {}, '/h/config.json'), ASCII, 40);
    expect(text).toBe([
      '[x] /h/config.json:1:81: expected a',
      '    property name in double quotes:',
      '    remove the trailing comma at 1:80',
      "    (JSON allows none before '}')",
      `    1 | ${line}`,
      `${' '.repeat(88)}^`,
      '    -> Remove the trailing comma (config',
      '       fix does it). (automatic:',
      '       duo-sso-setup config fix)',
      '',
    ].join('\n'));
  });
});

describe('doctor checks session-duration and profiles', () => {
  let dir: string;
  let ctx: CheckContext;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'config-checks-'));
    ctx = {
      paths: resolvePaths({ HOME: dir }),
      options: { json: false, yes: true, dryRun: false, verbose: false, color: false },
      now: () => new Date(),
    } as CheckContext;
    await mkdir(join(dir, '.config', 'duo-sso'), { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = (text: string) => writeFile(ctx.paths.duoConfig, text);

  it('skip when there is no usable config (the config check reports that)', async () => {
    expect((await sessionDurationCheck.run(ctx)).status).toBe('skip');
    await write('{ "url": ');
    expect((await profilesCheck.run(ctx)).status).toBe('skip');
  });

  it('each reports and fixes only its own findings, in-process', async () => {
    const text = '\uFEFF{\n  "url": "https://cloudsso.cisco.com",\n  "partner_spid": "https://signin.aws.amazon.com/saml",\n  "aws_urn": "https://signin.aws.amazon.com/saml",\n  "profiles": {\n    "a": { "aws_account_id": 12345678901, "aws_role_name": "admin" }\n  }\n}\n';
    await write(text);
    const sd = await sessionDurationCheck.run(ctx);
    expect(sd).toMatchObject({ status: 'fail', fix: { automatic: true, commands: [['duo-sso-setup', 'config', 'fix']] } });
    const pr = await profilesCheck.run(ctx);
    // A lost leading zero is a warning; the BOM (a failure) is the config check's.
    expect(pr.status).toBe('warn');
    // The BOM is the config check's (it reads the bytes): reported once, not here as well.
    expect(pr.details.join('\n')).not.toMatch(/byte-order mark/);
    expect(pr.details.join('\n')).toMatch(/leading zero lost/);

    await sessionDurationCheck.fix!(ctx, sd);
    const afterDuration = await readFile(ctx.paths.duoConfig, 'utf8');
    expect(afterDuration.startsWith('\uFEFF')).toBe(true);
    expect(afterDuration).toContain('12345678901,');
    expect((await sessionDurationCheck.run(ctx)).status).toBe('ok');

    await profilesCheck.fix!(ctx, pr);
    const afterProfiles = await readFile(ctx.paths.duoConfig, 'utf8');
    expect(afterProfiles.startsWith('\uFEFF')).toBe(true);
    expect(JSON.parse(afterProfiles.slice(1)).profiles.a.aws_account_id).toBe('012345678901');
    expect((await profilesCheck.run(ctx)).status).toBe('ok');

    const cfg = await configCheck.run(ctx);
    expect(cfg).toMatchObject({ status: 'fail', fix: { automatic: true } });
    await configCheck.fix!(ctx, cfg);
    expect((await readFile(ctx.paths.duoConfig, 'utf8')).startsWith('{')).toBe(true);
    expect((await configCheck.run(ctx)).status).toBe('ok');
  });

  it('never rewrites a file that stopped parsing between run and fix', async () => {
    await write('{\n  "url": "https://cloudsso.cisco.com"\n}\n');
    const sd = await sessionDurationCheck.run(ctx);
    await write('{\n  "url": "https://cloudsso.cisco.com",\n}\n');
    await expect(sessionDurationCheck.fix!(ctx, sd)).rejects.toThrow(/left unchanged/);
    expect(await readFile(ctx.paths.duoConfig, 'utf8')).toBe('{\n  "url": "https://cloudsso.cisco.com",\n}\n');
  });
});
