// Check before you run (issue 20 Build 7): `install duo-sso --from FILE` checks FILE's checksum
// (when given) and that it is a program for this OS and CPU before anything executes it. Each
// file here, if it were run in any way (as a program or as a shell script), would leave a mark.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

/** An ELF header for another CPU (arm64 on x64, x64 elsewhere), then text a shell would run. */
function foreignElf(mark: string): Buffer {
  const head = Buffer.alloc(64);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(head);
  head.writeUInt16LE(process.arch === 'x64' ? 183 : 62, 18);
  return Buffer.concat([head, Buffer.from(`\ntouch ${mark}\n`)]);
}

describe.each<Runtime>(['node', 'deno'])('install duo-sso --from FILE under %s', (runtime) => {
  it.each([
    ['a text file (like /etc/hostname) that a shell would run', (mark: string) => Buffer.from(`touch ${mark}\n`), /it is not a program \(text, not an ELF executable\); it was not run/],
    ['an ELF for another CPU', foreignElf, /it is built for (arm64|x64), and this machine is \w+; it was not run/],
  ])('%s: refused with a clear error, never run, nothing installed', async (_name, content, error) => {
    const box = await sandbox();
    const mark = join(box.root, 'it-ran');
    const file = await box.write('../download', content(mark), 0o755);
    const r = await box.run(['install', 'duo-sso', '--from', file, '--yes'], { runtime });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toMatch(error);
    expect(existsSync(mark)).toBe(false);
    expect(existsSync(join(box.home, '.local/bin/duo-sso'))).toBe(false);
  }, 60_000);

  it('a checksum that does not match: refused before the format is even looked at, never run', async () => {
    const box = await sandbox();
    const mark = join(box.root, 'it-ran');
    const file = await box.write('../download', `#!/bin/sh\ntouch ${mark}\necho "duo-sso v3.4.1"\n`, 0o755);
    const r = await box.run(['install', 'duo-sso', '--from', file, '--sha256', 'f'.repeat(64), '--yes'], { runtime });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/checksum mismatch/);
    expect(existsSync(mark)).toBe(false);
  }, 60_000);

  it('the right checksum and a program for this machine: checked, then run and installed', async () => {
    const box = await sandbox();
    const content = '#!/bin/sh\necho "duo-sso v3.4.1"\n';
    const file = await box.write('../download', content, 0o755);
    const r = await box.run(['install', 'duo-sso', '--from', file, '--sha256', createHash('sha256').update(content).digest('hex'), '--yes'], { runtime });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(box.home, '.local/bin/duo-sso'))).toBe(true);
  }, 60_000);
});
