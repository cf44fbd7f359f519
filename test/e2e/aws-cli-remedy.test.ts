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

describe('an AWS CLI v2 stopped by an unparsable ~/.aws file (the real /usr/bin/aws)', () => {
  it.each([
    ['.aws/config', '[default]\nregion = us-east-1\n[profile prod\nregion = us-east-2\n', 4],
    ['.aws/credentials', 'aws_access_key_id = ASIAIOSFODNN7EXAMPLE\n[default]\n', 1],
  ])('%s: doctor names the file and line, not "install the AWS CLI"; setup plans no AWS CLI install', async (rel, text, line) => {
    const box = await sandbox({ tools: ['/usr/bin/aws'] });
    const file = await box.write(rel, text);
    // The oracle: the real AWS CLI refuses the file before it prints its version.
    const aws = await box.exec('/usr/bin/aws', ['--version']);
    expect(aws.exitCode).not.toBe(0);
    expect(aws.stdout + aws.stderr).toContain(`Unable to parse config file: ${file}`);
    // troubleshoot, given what the AWS CLI printed, sends the user to a doctor command: it must be this one.
    const diagnosis = await box.run(['troubleshoot', '--json', aws.stdout + aws.stderr]);
    expect(diagnosis.json.diagnoses[0].fix.commands).toEqual([['duo-sso-setup', 'doctor', '--only', 'aws-cli']]);
    const doctor = await box.run(['doctor', '--json', '--only', 'aws-cli']);
    expect(doctor.exitCode).toBe(1);
    const check = doctor.json.checks[0];
    expect(check).toMatchObject({ status: 'fail', summary: `${file} cannot be parsed, so every aws command fails` });
    expect(check.details[0]).toMatch(new RegExp(`^${file}:${line}(:\\d+)?: line ${line} `));
    expect(check.fix).toMatchObject({ commands: [], automatic: false });
    expect(check.fix.description).toContain(`line ${line} of ${file}`);
    const setup = await box.run(['setup', '--dry-run', '--json']);
    const plans = (setup.json.plans ?? []).map((p: any) => p.component);
    expect(setup.json.steps[0].detail).not.toMatch(/missing: .*aws-cli/);
    expect(plans).not.toContain('aws-cli');
  }, 60_000);
});
