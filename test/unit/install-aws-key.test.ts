import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_CLI_FINGERPRINT, AWS_CLI_PUBLIC_KEY } from '../../src/release/keys/aws-cli-team.js';
import { systemTool } from '../support/sandbox.js';

describe('the shipped AWS CLI Team key', () => {
  it.skipIf(!systemTool('gpg'))('is a valid key whose primary fingerprint is the pin', () => {
    const home = mkdtempSync(join(tmpdir(), 'aws-key-'));
    try {
      const file = join(home, 'key.asc');
      writeFileSync(file, AWS_CLI_PUBLIC_KEY);
      const out = execFileSync(systemTool('gpg')!, ['--homedir', home, '--batch', '--with-colons', '--show-keys', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(/^fpr:+([0-9A-F]{40}):/m.exec(out)?.[1]).toBe(AWS_CLI_FINGERPRINT);
      expect(out).toContain('AWS CLI Team <aws-cli@amazon.com>');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
