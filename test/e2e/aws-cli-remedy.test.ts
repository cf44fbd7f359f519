// One finding, one remedy: a pip-installed AWS CLI v1 first on PATH with v2 behind it gets the
// same advice from doctor and `upgrade --check` (upgrade used to say `install aws-cli`).
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sandboxPerTest } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

describe('a pip AWS CLI v1 shadowing v2', () => {
  it('doctor and upgrade --check name the same remedy, and neither runs it', async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    const shims = join(box.root, 'pyenv', 'shims');
    await mkdir(shims, { recursive: true });
    // Imitates pip's AWS CLI v1 behind a pyenv shim (v1 prints its version on stderr).
    await writeFile(join(shims, 'aws'), '#!/bin/sh\necho "aws-cli/1.29.0 Python/3.11.7 Linux/6.1.0 botocore/1.31.0" >&2\n', { mode: 0o755 });
    const env = { PATH: `${shims}:${box.env.PATH}` };
    const doctor = await box.run(['doctor', '--json', '--only', 'aws-cli'], { env });
    const fix = doctor.json.checks[0].fix;
    expect(fix.commands).toEqual([['pip', 'uninstall', '--yes', 'awscli']]);
    const upgrade = await box.run(['upgrade', 'aws-cli', '--check', '--json'], { env, timeoutMs: 60_000 });
    const report = JSON.stringify(upgrade.json);
    expect(report).toContain(JSON.stringify([['pip', 'uninstall', '--yes', 'awscli']]));
    expect(report).toContain(fix.description);
    expect(report).not.toContain('"install","aws-cli"');
  });
});
