// test/provision.sh must install every real tool the suite runs on a fresh Debian machine: the
// tools the tests name (systemTool('X'), Sandbox `tools: [...]`, addTool, python3 for the pty
// tests), each mapped to its Debian package. A test that starts using a new tool fails here
// until the tool is mapped and its package provisioned.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../support/sandbox.js';

const TOOL_PACKAGE: Record<string, string | null> = {
  gpg: 'gnupg', gpgconf: 'gnupg', gpgv: 'gnupg' /* gnupg depends on gpgv */, 'gpg-agent': 'gnupg' /* likewise */, pass: 'pass', aws: 'awscli', '/usr/bin/aws': 'awscli',
  'dbus-daemon': 'dbus', 'dbus-send': 'dbus', 'gnome-keyring-daemon': 'gnome-keyring',
  shellcheck: 'shellcheck', minisign: 'minisign', ruby: 'ruby', unzip: 'unzip', zip: 'zip', git: 'git', python3: 'python3', openssl: 'openssl',
  zsh: 'zsh', fish: 'fish', faketime: 'faketime',
  // Not in Debian main: provision.sh installs it where an apt source offers it, and the kubectl
  // oracle tests skip (saying so) where none does.
  kubectl: null,
  pinentry: 'pinentry-curses', 'pinentry-curses': 'pinentry-curses',
  // Part of every Debian system, or of the Node.js the suite runs on.
  'apt-get': null, dpkg: null, bash: null, dash: null, setsid: null, npm: null, useradd: null /* passwd: Priority required */,
  // util-linux / mount (Priority required): the read-only and full HOME tests.
  mount: null, umount: null, unshare: null, 'dd': null,
  // coreutils (Essential): the FIFO traps.
  mkfifo: null,
};

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? testSources(p) : e.name.endsWith('.ts') && e.name !== 'provision.test.ts' ? [readFileSync(p, 'utf8')] : [];
  });
}

function toolsUsed(sources: string[]): Set<string> {
  const tools = new Set<string>();
  for (const text of sources) {
    for (const m of text.matchAll(/systemTool\('([^']+)'\)/g)) tools.add(m[1]!);
    for (const m of text.matchAll(/addTool\('([^']+)'/g)) tools.add(m[1]!);
    for (const m of text.matchAll(/tools: \[([^\]]*)\]/g)) for (const t of m[1]!.matchAll(/'([^']+)'/g)) tools.add(t[1]!);
    if (/'python3'/.test(text)) tools.add('python3');
  }
  return tools;
}

describe('test/provision.sh', () => {
  const script = readFileSync(join(REPO, 'test', 'provision.sh'), 'utf8');
  const packages = /PACKAGES=\(([^)]*)\)/.exec(script)![1]!.trim().split(/\s+/);

  it('installs the package of every tool the tests run', () => {
    const used = toolsUsed(testSources(join(REPO, 'test')));
    expect(used.size).toBeGreaterThan(5);
    for (const tool of used) {
      expect(Object.keys(TOOL_PACKAGE), `tool ${tool} has no package in this test's table`).toContain(tool);
      const pkg = TOOL_PACKAGE[tool];
      if (pkg) expect(packages, `${tool} comes from ${pkg}`).toContain(pkg);
    }
  });
});
