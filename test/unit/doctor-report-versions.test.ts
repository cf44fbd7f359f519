// versions.json in the support bundle: the version line of each tool's real answer.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { versionLine } from '../../src/doctor/report.js';

const answer = (file: string, args: string[]) => {
  const r = spawnSync(file, args, { encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout}\n${r.stderr}` : undefined;
};

describe('versionLine', () => {
  it.each([
    ['pass', ['version'], /^v\d+\.\d+\.\d+$/],
    ['gpg', ['--version'], /^gpg \(GnuPG\) \d+\.\d+\.\d+$/],
    ['/usr/bin/aws', ['--version'], /^aws-cli\/2\.\d+\.\d+ Python\//],
  ])('reads the version from the real %s answer', (file, args, shape) => {
    const text = answer(file, args);
    expect(text, `${file} is not installed here (test/provision.sh installs it)`).toBeDefined();
    expect(versionLine(text!)).toMatch(shape);
  });

  it('takes the first line that names a version, without its decoration, else the first line', () => {
    expect(versionLine('====\n= pass: the manager =\n=   v1.7.4   =\n====\n')).toBe('v1.7.4');
    expect(versionLine('duo-sso version 1.4.2\n')).toBe('duo-sso version 1.4.2');
    expect(versionLine('\n  something\n')).toBe('something');
    expect(versionLine('')).toBeNull();
  });
});
