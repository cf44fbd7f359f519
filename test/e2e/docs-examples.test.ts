// Docs that are run: the README's doctor example is what `doctor` prints on the machine it
// describes (a pip AWS CLI v1 first on PATH, v2 behind it, gpg and pass present but not set up,
// nothing else), rebuilt here in a sandbox. A change to the doctor's output fails this test until
// the README shows it: `UPDATE_DOCS=1 npx vitest run test/e2e/docs-examples.test.ts` rewrites it.
import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO, sandboxPerTest } from '../support/sandbox.js';

const sandbox = sandboxPerTest();
const README = join(REPO, 'README.md');
const SHIMS = '/root/.pyenv/shims';

/** The fenced block after the paragraph that introduces the example. */
function exampleBlock(readme: string): { start: number; end: number; text: string } {
  const intro = readme.indexOf('and nothing else is set up yet):');
  const start = readme.indexOf('```\n', intro) + 4;
  const end = readme.indexOf('```\n', start);
  if (intro < 0 || start < 4 || end < 0) throw new Error('README.md: the doctor example block was not found');
  return { start, end, text: readme.slice(start, end) };
}

/** What differs from machine to machine: the platform line. */
const machineNeutral = (text: string) => text.replace(/^✓ platform .*$/m, '✓ platform          (this machine)');

describe('README.md examples', () => {
  it("the doctor example is the doctor's real output on the machine it describes", async () => {
    const box = await sandbox({ tools: ['/usr/bin/aws', 'gpg', 'pass'] });
    const shims = join(box.root, 'pyenv', 'shims');
    await mkdir(shims, { recursive: true });
    // pip's AWS CLI v1 behind a pyenv shim (v1 prints its version on stderr).
    await writeFile(join(shims, 'aws'), '#!/bin/sh\necho "aws-cli/1.45.11 Python/3.11.7 Linux/6.1.0 botocore/1.31.0" >&2\n', { mode: 0o755 });
    const r = await box.run(['doctor'], { env: { PATH: `${shims}:${box.env.PATH}`, NO_COLOR: '1' } });
    expect(r.exitCode).toBe(1);
    // The sandbox's folders as on the machine described: v2 in /usr/bin, HOME as ~.
    const shown = r.stdout.split(shims).join(SHIMS).split(box.bin).join('/usr/bin').split(box.home).join('~');
    const readme = await readFile(README, 'utf8');
    const block = exampleBlock(readme);
    if (process.env.UPDATE_DOCS === '1') {
      await writeFile(README, readme.slice(0, block.start) + shown + readme.slice(block.end));
      return;
    }
    expect(machineNeutral(block.text), 'README.md shows another doctor output: UPDATE_DOCS=1 npx vitest run test/e2e/docs-examples.test.ts').toBe(machineNeutral(shown));
  });

});
