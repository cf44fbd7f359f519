// `config import` at a real terminal, under Node and Deno: the "Which profiles should be
// added?" list starts with every row ticked, and Enter must add exactly the ticked rows. (It
// showed them all ticked, yet Enter answered "No items were selected" and added nothing.)
import { describe, expect, it } from 'vitest';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { type PtyStep, runInPty } from '../support/pty.js';

const sandbox = sandboxPerTest();
const CONFIG = '.config/duo-sso/config.json';
const BASE = '{\n  "url": "https://cloudsso.cisco.com",\n  "profiles": {}\n}\n';
const LISTING = 'SSO completed successfully\nAccount: eticloud (626007623524)\n  [1] admin\nAccount: scratch (012345678901)\n  [3] devops\n';

const profiles = (text: string) => JSON.parse(text).profiles as Record<string, { aws_account_id: unknown; aws_role_name: string }>;

const LIST = 'Which profiles should be added[\\s\\S]*scratch';

describe.each<Runtime>(['node', 'deno'])('config import at a terminal under %s', (runtime) => {
  async function importTyping(steps: PtyStep[]) {
    const box = await sandbox();
    await box.write(CONFIG, BASE);
    await box.write('../listing.txt', LISTING);
    // The second list (production accounts) starts with nothing ticked: Enter accepts that.
    const r = await runInPty(box, ['config', 'import', '../listing.txt'], { runtime, steps: [...steps, { waitFor: 'Which of them are production', send: '\r', delayMs: 300 }] });
    expect(r.missed, r.screen).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(0);
    expect(r.screen).not.toContain('No items were selected');
    return { r, added: profiles(await box.read(CONFIG)) };
  }

  it('Enter with the default selection (every row ticked) adds every profile', async () => {
    const { r, added } = await importTyping([{ waitFor: LIST, send: '\r', delayMs: 300 }]);
    expect(r.screen).toMatch(/added 2 profiles to /);
    expect(Object.keys(added).sort()).toEqual(['eticloud', 'scratch']);
    expect(added.scratch!.aws_role_name).toBe('devops');
  }, 120_000);

  it('space toggles the focused (first) row off: only the other profile is added', async () => {
    // After the space the list is drawn again (scratch last), then Enter answers it.
    const { r, added } = await importTyping([{ waitFor: LIST, send: ' ', delayMs: 300 }, { waitFor: 'scratch', send: '\r', delayMs: 300 }]);
    expect(r.screen).toMatch(/added 1 profile to /);
    expect(Object.keys(added)).toEqual(['scratch']);
    // What was ticked reads as ticked without colour too (it was a dim ✔ either way), and the
    // empty production list is an answer, not an error.
    expect(r.screen).toMatch(/◯ eticloud[^\n]*\n\s*◉ scratch/);
    expect(r.screen).toMatch(/production accounts[^\n]*· none/);
  }, 120_000);
});
