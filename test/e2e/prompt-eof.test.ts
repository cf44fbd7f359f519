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
