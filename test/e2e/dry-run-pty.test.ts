// --dry-run at a real terminal, as a new engineer first tries it: it must neither ask a question
// it cannot act on nor promise what the real run would refuse.
import { describe, expect, it } from 'vitest';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { runInPty } from '../support/pty.js';

const sandbox = sandboxPerTest();

const CONFIG = JSON.stringify({ url: 'https://cloudsso.cisco.com', session_duration_seconds: 3600 }, null, 2);

describe.each<Runtime>(['node', 'deno'])('login --dry-run at a terminal under %s', (runtime) => {
  it('without duo-sso: asks nothing (a yes would install nothing), says what is missing and exits 1', async () => {
    const box = await sandbox();
    await box.write('.config/duo-sso/config.json', CONFIG);
    // No steps: a question would sit unanswered until the exit timeout kills the run.
    const r = await runInPty(box, ['login', '--dry-run'], { runtime, steps: [], exitTimeoutMs: 20_000 });
    expect(r.screen).not.toContain('Install it now');
    expect(r.exitCode, r.screen).toBe(1);
    expect(r.screen).toContain('duo-sso-setup: error: duo-sso is not installed (not found on PATH)');
    expect(r.screen).toContain('Install it: duo-sso-setup install duo-sso');
  }, 60_000);

  it('without config.json: asks nothing, says the file is missing and the command that creates it', async () => {
    const box = await sandbox();
    await box.addScript('duo-sso', '#!/bin/sh\necho "duo-sso v3.4.1"\n');
    const r = await runInPty(box, ['login', '--dry-run'], { runtime, steps: [], exitTimeoutMs: 20_000 });
    expect(r.screen).not.toContain('Create it now');
    expect(r.exitCode, r.screen).toBe(1);
    expect(r.screen).toMatch(/duo-sso-setup: error: \S*\.config\/duo-sso\/config\.json does not exist/);
    expect(r.screen).toContain('Create it: duo-sso-setup config init');
  }, 60_000);
});
