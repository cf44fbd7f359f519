// Ctrl-D at a question, on a real terminal under Node and Deno. Typed on an empty answer it
// closes the readline interface enquirer reads keys through; nothing was left to wait for and
// the process ended with exit 0, the question unanswered and nothing said, so
// `duo-sso-setup config add-profile … && duo-sso-setup login` went on as if the profile had
// been added. Found by the new-user review. The end of the input refuses the question as
// Ctrl-C does: exit 130, one line saying nothing was changed, and nothing was.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { runInPty } from '../support/pty.js';

const sandbox = sandboxPerTest();
const CTRL_D = '\x04';
const CONFIG = '.config/duo-sso/config.json';

describe.each<Runtime>(['node', 'deno'])('Ctrl-D at a question under %s', (runtime) => {
  it('a yes/no question (config add-profile): exit 130, "nothing was changed", no config written', async () => {
    const box = await sandbox();
    const r = await runInPty(box, ['config', 'add-profile', 'dev', '--account', '111111111111', '--role', 'admin'], { runtime, steps: [{ waitFor: 'Add profile dev\\?', send: CTRL_D }] });
    expect(r.missed).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(130);
    expect(r.screen).toMatch(/duo-sso-setup: interrupted; nothing was changed\./);
    expect(existsSync(box.path(CONFIG))).toBe(false);
  }, 60_000);

  it("a text question (config init's wizard): exit 130, no config written", async () => {
    const box = await sandbox();
    const r = await runInPty(box, ['config', 'init'], { runtime, steps: [{ waitFor: 'duo-sso sign-in URL', send: CTRL_D }] });
    expect(r.missed).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(130);
    expect(r.screen).toMatch(/interrupted; nothing was changed/);
    expect(existsSync(box.path(CONFIG))).toBe(false);
  }, 60_000);
});

// Found by the new-user review: enquirer left a long question to the terminal, which broke it
// mid-word ("for aws --pr" / "ofile NAME") on a narrow terminal, and the migrate question with
// real paths at 80 columns. The question now breaks between words, under its text.
describe.each<Runtime>(['node', 'deno'])('a long question on a 50-column terminal under %s', (runtime) => {
  it('breaks between words, its lines under the text past the "? " mark', async () => {
    const box = await sandbox();
    const r = await runInPty(box, ['config', 'init'], {
      runtime,
      columns: 50,
      env: { COLUMNS: undefined },
      steps: [
        { waitFor: 'duo-sso sign-in URL', send: '\r' },
        { waitFor: 'Duo device', send: '\r' },
        { waitFor: 'Duo factor', send: '\r' },
        { waitFor: 'works for every', send: '\x03' },
      ],
    });
    expect(r.missed).toBeUndefined();
    expect(r.exitCode).toBe(130);
    expect(r.screen).toContain('? Session duration in seconds for\n  logins without a profile\n  (900-14400; 3600 works for every\n  role)');
  }, 60_000);
});
