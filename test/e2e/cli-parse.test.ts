// Small command-line things from issue 11 (Why 8, 9): help for a nested command, `-v` alone,
// the suggestion kept out of the JSON message, and stdin at a terminal announced.
import { describe, expect, it } from 'vitest';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { CTRL_C, runInPty } from '../support/pty.js';

const sandbox = sandboxPerTest();

describe.each<Runtime>(['node', 'deno'])('command-line parsing under %s', (runtime) => {
  it('help config init and config help init show config init\'s help; a profile named help stays an argument', async () => {
    const box = await sandbox();
    for (const args of [['help', 'config', 'init'], ['config', 'help', 'init']]) {
      const r = await box.run(args, { runtime });
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toMatch(/^Usage: duo-sso-setup config init \[options\]/);
    }
    const nosuch = await box.run(['help', 'config', 'nosuch'], { runtime });
    expect(nosuch.exitCode).toBe(2);
    expect(nosuch.stderr).toContain("unknown command 'nosuch'");
    const named = await box.run(['config', 'add-profile', 'help'], { runtime });
    expect(named.stderr).toContain("required option '--account <ID>'");
  }, 60_000);

  it('-v alone is a usage error that points at --version, not the help with exit 0', async () => {
    const box = await sandbox();
    const r = await box.run(['-v'], { runtime });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no command given');
    expect(r.stderr).toContain('--version');
  }, 60_000);

  it('a mistyped option and no command is an unknown option with its suggestion, not "no command given"', async () => {
    const box = await sandbox();
    const r = await box.run(['--versoin'], { runtime });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("duo-sso-setup: error: unknown option '--versoin'\n(Did you mean --version?)\n");
    const json = await box.run(['--json', '--jsno'], { runtime });
    expect(json.json).toEqual({ error: { message: "unknown option '--jsno'", hint: 'Did you mean --json?' } });
    // Known options, alone or combined (-y -n), are still "no command given".
    for (const args of [['-yn'], ['--no-color'], ['--config=x.json']]) {
      const known = await box.run(args, { runtime });
      expect(known.exitCode).toBe(2);
      expect(known.stderr).toContain('duo-sso-setup: error: no command given');
    }
  }, 60_000);

  it('--json: "(Did you mean …?)" is the hint, not part of the message', async () => {
    const box = await sandbox();
    const r = await box.run(['doctr', '--json'], { runtime });
    expect(r.exitCode).toBe(2);
    expect(r.json).toEqual({ error: { message: "unknown command 'doctr'", hint: 'Did you mean doctor?' } });
  }, 60_000);

  it('troubleshoot --file - at a terminal says it is reading standard input, and Ctrl-C stops it with 130', async () => {
    const box = await sandbox();
    const r = await runInPty(box, ['troubleshoot', '--file', '-'], { runtime, steps: [{ waitFor: 'reading standard input', send: CTRL_C }] });
    expect(r.missed).toBeUndefined();
    expect(r.screen.match(/reading standard input/g)).toHaveLength(1);
    expect(r.exitCode).toBe(130);
    expect(r.screen).toContain('duo-sso-setup: interrupted; nothing was changed.');
  }, 90_000);
});
