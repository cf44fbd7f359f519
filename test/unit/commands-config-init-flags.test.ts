import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerConfig } from '../../src/commands/config.js';
import { registerSetup } from '../../src/commands/setup.js';
import type { CommandRunner } from '../../src/commands/types.js';

/** Parses argv with the real registrations; the action only records the options commander built. */
function parsedOptions(argv: string[]): Record<string, unknown> {
  let seen: Record<string, unknown> | undefined;
  const run: CommandRunner = () => async (...args: unknown[]) => {
    // commander calls an action with (...positionals, options, command).
    seen = args.at(-2) as Record<string, unknown>;
  };
  const program = new Command().exitOverride();
  registerConfig(program, run);
  registerSetup(program, run);
  program.parse(argv, { from: 'user' });
  return seen!;
}

const FLAGS = ['--profile', 'eticloud=626007623524:admin', '--profile', 'prod=123456789012:admin', '--production', 'prod',
  '--production', 'eticloud', '--url', 'https://sso.example.com', '--device', 'phone2', '--factor', 'sms', '--session-duration', '7200'];

describe("config init's flags on setup", () => {
  it('parse to the same options in both commands (setup passes them on to config init)', () => {
    const init = parsedOptions(['config', 'init', ...FLAGS]);
    const { login, passphrase, completion, ...setup } = parsedOptions(['setup', ...FLAGS]);
    expect(init).toEqual({
      profile: ['eticloud=626007623524:admin', 'prod=123456789012:admin'],
      production: ['prod', 'eticloud'],
      url: 'https://sso.example.com',
      device: 'phone2',
      factor: 'sms',
      sessionDuration: '7200',
    });
    expect(setup).toEqual(init);
    expect({ login, passphrase, completion }).toEqual({ login: true, passphrase: true, completion: true });
  });

  it('are the same flags, setup naming the step they are for', () => {
    const program = new Command();
    const run: CommandRunner = () => async () => {};
    registerConfig(program, run);
    registerSetup(program, run);
    const init = program.commands.find((c) => c.name() === 'config')!.commands.find((c) => c.name() === 'init')!;
    const setup = program.commands.find((c) => c.name() === 'setup')!;
    const shared = init.options.filter((o) => o.long !== '--force');
    expect(shared.length).toBeGreaterThan(3);
    for (const option of shared) {
      const same = setup.options.find((o) => o.long === option.long);
      expect(same?.flags, option.long).toBe(option.flags);
      expect(same?.description).toBe(`config: ${option.description}`);
    }
  });
});
