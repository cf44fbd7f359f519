// Issue 20 (9): output wraps at the terminal's width, help included. On a real terminal of 50,
// 80 and 132 columns (COLUMNS unset: the terminal's own size), under Node and Deno, `--help`
// (pre-rendered) and `setup --help` (commander's, long option names),
// `doctor` and `troubleshoot` print no line wider than the terminal but a command or a single
// word too long to fit, split no word, lose none (the words are those of the same command's
// output to a pipe, which is not wrapped), and use the width they have.
import { describe, expect, it } from 'vitest';
import { CLI, DENO, type Runtime, type Sandbox, sandboxPerTest } from '../support/sandbox.js';
import { FakeBrew, healthyScenario } from '../support/fake-brew/index.js';
import { runInPty } from '../support/pty.js';
import { displayWidth } from '../../src/ui/wrap.js';

const sandbox = sandboxPerTest();
const MESSAGE = 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
const COMMANDS: [string, string[]][] = [['--help', ['--help']], ['setup --help', ['setup', '--help']], ['doctor', ['doctor']], ['troubleshoot', ['troubleshoot', MESSAGE]]];
const WIDTHS = [50, 80, 132];

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * A line allowed past the width: a command to copy (`$ …`, `PS> …`, or a line continuing the
 * one before it after a trailing backslash), or one word (after a mark) too long for any line.
 */
function unbreakable(line: string, previous = ''): boolean {
  const text = line.trim();
  if (/^(?:\$|PS>) /.test(text) || previous.trimEnd().endsWith('\\')) return true;
  const units = text.match(/(?:`[^`\n]*`|[^\s`]+|`)+/g) ?? [];
  return units.length === 1 || (units.length === 2 && /^(?:[✓✗!•*\-→?$>✔✖↓❯›◼\u2800-\u28ff]|\d{1,2}[.)])$/.test(units[0]!));
}

describe.each<Runtime>(['node', 'deno'])('at a terminal under %s', (runtime) => {
  it.each(COMMANDS)('%s wraps to 50, 80 and 132 columns, between words', async (_name, args) => {
    const box = await sandbox({ tools: ['/usr/bin/aws', 'gpg', 'pass'] });
    const piped = await box.run(args, { runtime });
    expect(piped.stdout.length).toBeGreaterThan(200);
    for (const width of WIDTHS) {
      const r = await runInPty(box, args, { runtime, steps: [], columns: width, env: { COLUMNS: undefined } });
      expect(r.exitCode, r.screen).toBe(piped.exitCode);
      // Every word, in order: none split by a break, none lost.
      expect(words(r.screen), `${width} columns`).toEqual(words(piped.stdout));
      const lines = r.screen.split('\n');
      const over = lines.filter((l, i) => displayWidth(l) > width && !unbreakable(l, lines[i - 1]));
      expect(over, `${width} columns:\n${r.screen}`).toEqual([]);
      // The width is used: text is broken close to it, not at a fixed narrower one.
      const widest = Math.max(...lines.filter((l, i) => !unbreakable(l, lines[i - 1])).map(displayWidth));
      expect(widest, `${width} columns:\n${r.screen}`).toBeGreaterThan(width - 20);
      expect(widest).toBeLessThanOrEqual(width);
    }
  }, 180_000);

  // Found by the new-user review: a help example continued after a backslash was wrapped as
  // prose, so pasting it ran `setup … --profile` without its value, then a second command.
  it('help examples stay whole at 50 columns: a command continued after a backslash, and PowerShell\'s PS> lines', async () => {
    const box = await sandbox();
    const setup = await runInPty(box, ['setup', '--help'], { runtime, steps: [], columns: 50, env: { COLUMNS: undefined } });
    expect(setup.screen.split('\n')).toEqual(expect.arrayContaining([
      '  $ duo-sso-setup setup --yes --from ~/Downloads/duo-sso_linux_amd64 --no-passphrase \\',
      '      --gpg-name "Ann Example" --gpg-email ann@example.com --profile eticloud=626007623524:admin',
    ]));
    const completion = await runInPty(box, ['completion', '--help'], { runtime, steps: [], columns: 50, env: { COLUMNS: undefined } });
    expect(completion.screen.split('\n')).toContain('  PS> duo-sso-setup completion powershell | Out-String | Invoke-Expression   # in $PROFILE');
    // The line migrate writes, as it writes it (the launcher, not a runtime and a script), whole.
    const processHelp = await runInPty(box, ['credential-process', '--help'], { runtime, steps: [], columns: 50, env: { COLUMNS: undefined } });
    expect(processHelp.screen.split('\n')).toContain('`credential_process = /home/you/.local/bin/duo-sso-setup-launcher credential-process --profile eticloud`');
    expect(processHelp.screen).not.toContain('dist/cli.js');
  }, 60_000);

  it("setup's steps (listr's lines) wrap too, continuing under the step's text", async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws', 'gpg', 'pass'] });
    const run = (columns: number) => runInPty(box, ['setup', '--dry-run', '--yes'], { runtime, steps: [], columns, env: { COLUMNS: undefined } });
    /** Each finished step ("✔ …" or "↓ …") with the lines that continue it. */
    const stepLines = (screen: string) => {
      const out: string[][] = [];
      let current: string[] | undefined;
      for (const l of screen.split('\n')) {
        if (/^[✔↓] /.test(l)) out.push((current = [l]));
        // Continued two columns in, under the text after the icon.
        else if (current && /^ {2}\S/.test(l)) current.push(l);
        else current = undefined;
      }
      return out;
    };
    const wide = stepLines((await run(200)).screen);
    const narrow = stepLines((await run(50)).screen);
    expect(wide.length).toBeGreaterThanOrEqual(5);
    // At 200 columns each step is one line; at 50 the same words, no line past 50, continued under the text.
    expect(wide.every((s) => s.length === 1)).toBe(true);
    expect(narrow.map((s) => words(s.join(' ')))).toEqual(wide.map((s) => words(s[0]!)));
    const lines = narrow.flat();
    expect(lines.filter((l) => displayWidth(l) > 50 && !unbreakable(l))).toEqual([]);
    expect(narrow.some((s) => s.length > 1)).toBe(true);
  }, 120_000);
});

// The same rule for the config commands, the upgrade report (listr's lines too) and status:
// at 50 and 132 columns, no line past the width but a command or one unbreakable word, and the
// words of the output to a pipe, none split, none lost.
const BROKEN_CONFIG = JSON.stringify({
  url: 'http://x', session_duration_seconds: 'long',
  profiles: { 'a b': { aws_account_id: '12', aws_role_name: '' }, ok: { aws_account_id: 5 } }, extra_key: 1,
});
const PROFILES_CONFIG = JSON.stringify({
  url: 'https://cloudsso.cisco.com', session_duration_seconds: 3600,
  profiles: {
    'development-sandbox': { aws_account_id: '222222222222', aws_role_name: 'administrator-access' },
    'production-payments': { aws_account_id: '333333333333', aws_role_name: 'read-only-observer' },
    staging: { aws_account_id: '444444444444', aws_role_name: 'devops' },
  },
});
interface Case { name: string; args: string[]; prepare(box: Sandbox): Promise<Record<string, string>> }
const MORE: Case[] = [
  { name: 'config validate (several errors)', args: ['config', 'validate'], prepare: async (box) => (await box.write('.config/duo-sso/config.json', BROKEN_CONFIG), {}) },
  { name: 'status', args: ['status'], prepare: async (box) => (await box.write('.config/duo-sso/config.json', PROFILES_CONFIG), {}) },
  {
    name: 'upgrade --check', args: ['upgrade', '--check'],
    prepare: async (box) => {
      const brew = await FakeBrew.install(box, healthyScenario());
      await box.addTool('/usr/bin/aws');
      return { PATH: brew.pathFor(box) };
    },
  },
];

describe.each<Runtime>(['node', 'deno'])('at a terminal under %s, more commands', (runtime) => {
  it.each(MORE.map((c) => [c.name, c] as const))('%s wraps to 50 and 132 columns, between words', async (_name, c) => {
    const box = await sandbox({ tools: ['gpg', 'pass'] });
    const env = await c.prepare(box);
    const piped = await box.run(c.args, { runtime, env });
    expect(piped.stdout.length).toBeGreaterThan(200);
    const longest = Math.max(...piped.stdout.split('\n').filter((l) => !unbreakable(l)).map(displayWidth));
    for (const width of [50, 132]) {
      const r = await runInPty(box, c.args, { runtime, steps: [], columns: width, env: { ...env, COLUMNS: undefined } });
      expect(r.exitCode, r.screen).toBe(piped.exitCode);
      // stdout comes last (upgrade's progress, on stderr, before it): its words end the screen.
      const expected = words(piped.stdout);
      expect(words(r.screen).slice(-expected.length), `${width} columns`).toEqual(expected);
      const lines = r.screen.split('\n');
      expect(lines.filter((l) => displayWidth(l) > width && !unbreakable(l)), `${width} columns:\n${r.screen}`).toEqual([]);
      // The width is used: lines longer than it in the pipe are broken close to it.
      const widest = Math.max(...lines.filter((l) => !unbreakable(l)).map(displayWidth));
      expect(widest, `${width} columns:\n${r.screen}`).toBeGreaterThan(Math.min(longest - 1, width - 20));
    }
  }, 180_000);

  it("upgrade's progress (listr's lines on stderr) wraps at the terminal's width, not at stdout's 80", async () => {
    const widest = new Map<number, number>();
    for (const width of [50, 132]) {
      const box = await sandbox({ tools: ['gpg', 'pass'] });
      const brew = await FakeBrew.install(box, healthyScenario());
      // stdout to a pipe: listr2's own formatting took stdout's columns (none: 80) for stderr's lines.
      const script = `${runtime === 'node' ? `'${process.execPath}'` : `'${DENO}' run -A --quiet`} '${CLI}' upgrade duo-sso --yes >/dev/null`;
      const r = await runInPty(box, [], { runtime, shell: script, steps: [], columns: width, env: { PATH: brew.pathFor(box), COLUMNS: undefined } });
      expect(r.exitCode, r.screen).toBe(0);
      // Each step, pending (◼, a spinner frame) or done (✔), and the tool's output under it (›).
      const lines = r.screen.split('\n').filter((l) => /^\s*[✔✖↓❯›◼\u2800-\u28ff] /.test(l));
      expect(lines.length, r.screen).toBeGreaterThan(5);
      expect(lines.filter((l) => displayWidth(l) > width && !unbreakable(l)), `${width} columns:\n${r.screen}`).toEqual([]);
      widest.set(width, Math.max(...lines.map(displayWidth)));
    }
    // The width is used, past the 80 columns listr2 assumed.
    expect(widest.get(132)).toBeGreaterThan(80);
  }, 120_000);

  it('troubleshoot at a terminal writes no cursor movement or erasing, before its first line or after', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass'] });
    const r = await runInPty(box, ['troubleshoot', MESSAGE], { runtime, steps: [], columns: 80, env: { COLUMNS: undefined } });
    expect(r.exitCode, r.screen).toBe(0);
    expect(r.screen).toMatch(/^✗ max-session-duration/);
    // Colours (…m) are all it writes besides text: no ESC[0G, ESC[2K, ESC[J, cursor moves.
    // eslint-disable-next-line no-control-regex
    expect(r.raw.match(/\x1b\[[0-9;?]*[ -/]*[@-ln-~]/g) ?? []).toEqual([]);
  }, 60_000);
});
