// Issue 11's small things: counts in English, one-line listr failures, setup's help width,
// an empty --device, and config init's next step.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { Command } from 'commander';
import { registerConfig } from '../../src/commands/config.js';
import type { CommandRunner } from '../../src/commands/types.js';
import { nextSteps } from '../../src/config/commands/init.js';
import { oneLine, plural } from '../../src/ui/text.js';
import { CLI } from '../support/sandbox.js';

describe('text', () => {
  it('"1 check", "2 checks"', () => {
    expect(plural(1, 'check')).toBe('1 check');
    expect(plural(2, 'check')).toBe('2 checks');
    expect(plural(0, 'change')).toBe('0 changes');
  });

  it('a multi-line failure becomes one line for listr\'s [FAILED: …]', () => {
    expect(oneLine('brew failed\n\n  Error: no formula\n')).toBe('brew failed — Error: no formula');
  });
});

describe('setup --help', () => {
  it('keeps every line within 100 columns (it ran to ~160)', () => {
    const text = execFileSync(process.execPath, [CLI, 'setup', '--help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '' } });
    const long = text.split('\n').filter((l) => l.length > 100);
    expect(long).toEqual([]);
    expect(text).toContain('--remove-aws-cli-v1');
  });
});

describe('config init', () => {
  function parse(argv: string[]): unknown {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    const run: CommandRunner = () => async () => undefined;
    registerConfig(program, run);
    try {
      program.parse(argv, { from: 'user' });
      return undefined;
    } catch (error) {
      return error;
    }
  }

  it('an empty --device "" is a usage error, not a config with an empty device', () => {
    expect(String(parse(['config', 'init', '--device', '']))).toMatch(/the device cannot be empty/);
    expect(parse(['config', 'init', '--device', 'phone2'])).toBeUndefined();
  });

  it('ends with our login, not "log in with duo-sso"', () => {
    expect(nextSteps(true)).toBe('Next: duo-sso-setup login');
    expect(nextSteps(false)).toMatch(/^Next: duo-sso-setup login /);
  });
});
