// A throwaway machine for black-box tests: its own HOME, GNUPGHOME and pass store, and a
// PATH built explicitly from chosen real tools plus stand-ins (never the developer's PATH,
// where a pyenv shim for AWS CLI v1 shadows the real v2). Runs the *built* CLI as a
// subprocess under Node or Deno and returns what a user would see.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = process.env.DUO_SSO_SETUP_TEST_CLI ? resolve(process.env.DUO_SSO_SETUP_TEST_CLI) : join(REPO, 'dist', 'cli.js');
// Found the way Node finds packages, walking up: Stryker's sandbox copy of the repository has a
// node_modules of its own without the deno binary, and resolves packages from the real one above it.
export const DENO = ((): string => {
  for (let dir = REPO; ; dir = dirname(dir)) {
    const deno = join(dir, 'node_modules', '.bin', 'deno');
    if (existsSync(deno)) return deno;
    if (dirname(dir) === dir) return join(REPO, 'node_modules', '.bin', 'deno');
  }
})();
export type Runtime = 'node' | 'deno';

/** Basic utilities every shell script needs (pass is a bash script). Never aws, gpg, pass, duo-sso or brew. */
const BASE_UTILS = [
  'sh', 'bash', 'env', 'cat', 'mkdir', 'rm', 'rmdir', 'mv', 'cp', 'ln', 'ls', 'grep', 'egrep', 'sed', 'tr', 'getopt', 'tree',
  'mktemp', 'dirname', 'basename', 'head', 'tail', 'chmod', 'find', 'which', 'id', 'printf', 'sort', 'uniq', 'wc', 'tty',
  'shred', 'touch', 'readlink', 'realpath', 'sleep', 'date', 'true', 'false', 'test', 'expr', 'cut', 'xargs', 'awk', 'mawk',
  'stat', 'uname', 'whoami', 'tee', 'diff', 'cmp', 'sha256sum', 'base64', 'od', 'kill', 'ps', 'timeout', 'install', 'unzip', 'tar', 'gzip',
  'gpgconf', 'gpg-agent', 'gpg-connect-agent', 'dbus-run-session', 'dbus-daemon', 'gnome-keyring-daemon', 'curl', 'python3',
];

/** Where a real tool lives on this machine, skipping pyenv shims and the like. */
export function systemTool(name: string): string | undefined {
  for (const dir of ['/usr/local/sbin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

export interface SandboxOptions {
  /** Real tools linked into the sandbox PATH, by name (found in system dirs) or absolute path. */
  tools?: string[];
  /** Stand-in executables: name → file content (a script with a shebang). */
  scripts?: Record<string, string>;
  env?: Record<string, string>;
}

export interface RunOutput {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, when it is JSON. */
  json: any;
}

export interface RunOptions {
  runtime?: Runtime;
  input?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  cwd?: string;
}

export class Sandbox {
  private constructor(
    readonly root: string,
    readonly home: string,
    readonly bin: string,
    readonly sysBin: string,
    readonly env: Record<string, string>,
  ) {}

  static async create(opts: SandboxOptions = {}): Promise<Sandbox> {
    const root = await mkdtemp(join(tmpdir(), 'duo-sso-setup-test-'));
    const home = join(root, 'home');
    const bin = join(root, 'bin');
    const sysBin = join(root, 'sysbin');
    await Promise.all([mkdir(home, { recursive: true }), mkdir(bin), mkdir(sysBin)]);
    await mkdir(join(home, '.gnupg'), { mode: 0o700 });
    await chmod(join(home, '.gnupg'), 0o700);
    for (const name of BASE_UTILS) {
      const p = systemTool(name);
      if (p) await symlink(p, join(sysBin, name));
    }
    const env: Record<string, string> = {
      HOME: home,
      PATH: `${bin}:${sysBin}`,
      GNUPGHOME: join(home, '.gnupg'),
      PASSWORD_STORE_DIR: join(home, '.password-store'),
      LANG: 'C.UTF-8',
      TMPDIR: tmpdir(),
      // Deno keeps its cache under HOME; share one across sandboxes so each run is not a cold start.
      DENO_DIR: join(tmpdir(), 'duo-sso-setup-test-deno-cache'),
      DENO_NO_UPDATE_CHECK: '1',
      ...opts.env,
    };
    const box = new Sandbox(root, home, bin, sysBin, env);
    for (const tool of opts.tools ?? []) await box.addTool(tool);
    for (const [name, content] of Object.entries(opts.scripts ?? {})) await box.addScript(name, content);
    return box;
  }

  /** Links a real tool into the sandbox PATH. */
  async addTool(tool: string, as?: string): Promise<void> {
    const target = isAbsolute(tool) ? tool : systemTool(tool);
    if (!target) throw new Error(`tool ${tool} is not installed on this machine (see test/provision.sh)`);
    await symlink(target, join(this.bin, as ?? tool.split('/').pop()!));
  }

  /** Writes an executable stand-in into the sandbox PATH. */
  async addScript(name: string, content: string): Promise<string> {
    const p = join(this.bin, name);
    // Replace, never write through: the name may be a link to a real tool (addTool), and
    // writing through it would overwrite that tool on this machine.
    await rm(p, { force: true });
    await writeFile(p, content, { mode: 0o755 });
    return p;
  }

  path(rel: string): string {
    return join(this.home, rel);
  }

  async write(rel: string, content: string | Buffer, mode?: number): Promise<string> {
    const p = this.path(rel);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, content, mode === undefined ? {} : { mode });
    return p;
  }

  read(rel: string): Promise<string> {
    return readFile(this.path(rel), 'utf8');
  }

  async mode(rel: string): Promise<number> {
    return (await stat(this.path(rel))).mode & 0o777;
  }

  /** Runs the built CLI inside the sandbox. */
  run(args: string[], opts: RunOptions = {}): Promise<RunOutput> {
    const runtime = opts.runtime ?? 'node';
    const [file, ...pre] = runtime === 'node' ? [process.execPath, CLI] : [DENO, 'run', '-A', CLI];
    return this.exec(file!, [...pre, ...args], opts);
  }

  /** Runs any program with the sandbox environment (e.g. the real aws, gpg, pass). */
  exec(file: string, args: string[], opts: RunOptions = {}): Promise<RunOutput> {
    const env = { ...this.env, ...opts.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    return new Promise((resolveRun, reject) => {
      const child = spawn(file, args, { env: env as Record<string, string>, cwd: opts.cwd ?? this.home, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 45_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolveRun({ exitCode: code, stdout, stderr, json });
      });
      // A program that exits without reading stdin makes this write fail with EPIPE; that is not a test failure.
      child.stdin.on('error', () => undefined);
      child.stdin.end(opts.input ?? '');
    });
  }

  async cleanup(): Promise<void> {
    // Stop the gpg-agent started for this GNUPGHOME before its folder disappears.
    const gpgconf = systemTool('gpgconf');
    if (gpgconf) await this.exec(gpgconf, ['--kill', 'all']).catch(() => undefined);
    await rm(this.root, { recursive: true, force: true });
  }
}

/** Real gpg key for the sandbox user, no passphrase; returns its fingerprint. */
export async function createGpgKey(box: Sandbox, uid = 'Test User <test@example.com>', expire = 'never'): Promise<string> {
  const gpg = systemTool('gpg')!;
  const r = await box.exec(gpg, ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', uid, 'default', 'default', expire]);
  if (r.exitCode !== 0) throw new Error(`gpg key generation failed: ${r.stderr}`);
  const list = await box.exec(gpg, ['--batch', '--list-secret-keys', '--with-colons']);
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(list.stdout)?.[1];
  if (!fpr) throw new Error(`no fingerprint in: ${list.stdout}`);
  return fpr;
}

/**
 * For a test file: returns a `sandbox(opts)` that creates a Sandbox and removes it (and its
 * gpg-agent) after the test that made it.
 */
export function sandboxPerTest(): (opts?: SandboxOptions) => Promise<Sandbox> {
  const boxes: Sandbox[] = [];
  afterEach(async () => {
    await Promise.all(boxes.splice(0).map((b) => b.cleanup()));
  });
  return async (opts) => {
    const box = await Sandbox.create(opts);
    boxes.push(box);
    return box;
  };
}
