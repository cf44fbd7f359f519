// `config import` with a scripted prompter: what is asked, and what is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../src/config/commands/import.js';
import type { Prompter } from '../../src/ui/prompt.js';
import { readState } from '../../src/state/state.js';
import { resolvePaths, type Paths } from '../../src/platform/paths.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function paths(config: string, state: string): Paths {
  return { ...resolvePaths({ HOME: dir }), duoConfig: join(dir, config), stateFile: join(dir, state) };
}

function context(canPrompt: boolean) {
  const out: string[] = [];
  return {
    out,
    ctx: {
      paths: paths('duo-sso/config.json', 'state.json'),
      options: { json: false, yes: !canPrompt, dryRun: false, verbose: false, color: false },
      io: { out: (t: string) => void out.push(t), err: () => undefined, stdinIsTTY: canPrompt, stdoutIsTTY: false, stderrIsTTY: canPrompt },
      now: () => new Date('2026-01-01T00:00:00Z'),
      canPrompt,
    },
  };
}

/** Answers multiselects from a script; any other question is a test failure. */
function scripted(answers: string[][]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const fail = () => Promise.reject(new Error('unexpected question'));
  return {
    asked,
    input: fail, confirm: fail, select: fail, secret: fail,
    multiselect: async (message, choices) => {
      asked.push(`${message} [${choices.map((c) => c.name).join(', ')}]`);
      const next = answers.shift();
      if (!next) throw new Error(`no answer scripted for: ${message}`);
      return next;
    },
  };
}

const LISTING = 'Account: eticloud (626007623524)\n  [1] admin\nAccount: payments-prod (012345678901)\n  [2] admin\n  arn:aws:iam::380642323071:role/devops\n';

describe('config import', () => {
  it('asks which to keep and which are production, then writes only those', async () => {
    const { ctx, out } = context(true);
    const prompter = scripted([['eticloud', 'payments-prod'], ['payments-prod']]);
    expect(await runImport(ctx, 'listing', {}, { prompter, text: LISTING })).toBe(0);
    expect(prompter.asked).toEqual([
      'Which profiles should be added? [eticloud, payments-prod, 380642323071-devops]',
      'Which of them are production accounts (1-hour sessions)? [eticloud, payments-prod]',
    ]);
    const config = JSON.parse(await readFile(ctx.paths.duoConfig, 'utf8'));
    expect(config.profiles).toEqual({
      eticloud: { aws_account_id: '626007623524', aws_role_name: 'admin', session_duration_seconds: 3600 },
      'payments-prod': { aws_account_id: '012345678901', aws_role_name: 'admin', session_duration_seconds: 3600 },
    });
    expect(config.session_duration_seconds).toBe(3600);
    expect((await readState(ctx.paths)).productionProfiles).toEqual(['payments-prod']);
    expect(out.join('')).toMatch(/added 2 profiles/);
  });

  it('keeps everything without a terminal, and writes nothing when the user keeps nothing', async () => {
    const { ctx } = context(false);
    expect(await runImport(ctx, 'listing', {}, { text: LISTING })).toBe(0);
    expect(Object.keys(JSON.parse(await readFile(ctx.paths.duoConfig, 'utf8')).profiles)).toEqual(['eticloud', 'payments-prod', '380642323071-devops']);

    const other = context(true);
    other.ctx.paths = paths('other/config.json', 'other-state.json');
    expect(await runImport(other.ctx, 'listing', {}, { prompter: scripted([[]]), text: LISTING })).toBe(0);
    await expect(readFile(other.ctx.paths.duoConfig, 'utf8')).rejects.toThrow();
  });

  it('imports an account whose alias is an Object.prototype member (constructor)', async () => {
    const { ctx } = context(false);
    expect(await runImport(ctx, 'listing', {}, { text: 'Account: eticloud (012345678901)\n  [1] admin\n' })).toBe(0);
    expect(await runImport(ctx, 'listing', {}, { text: 'Account: constructor (626007623524)\n  [1] admin\n' })).toBe(0);
    expect(JSON.parse(await readFile(ctx.paths.duoConfig, 'utf8')).profiles).toEqual({
      eticloud: { aws_account_id: '012345678901', aws_role_name: 'admin', session_duration_seconds: 3600 },
      constructor: { aws_account_id: '626007623524', aws_role_name: 'admin', session_duration_seconds: 3600 },
    });
  });

  it('rejects --production for a name it did not import, with exit 2', async () => {
    const { ctx } = context(false);
    await expect(runImport(ctx, 'listing', { production: ['nope'] }, { text: LISTING })).rejects.toMatchObject({ exitCode: 2 });
  });
});
