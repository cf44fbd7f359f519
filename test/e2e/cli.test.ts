import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { cp, mkdir, rm, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CLI, DENO, REPO, Sandbox, type Runtime } from '../support/sandbox.js';
import { buildProgram } from '../../src/main.js';
import type { Command } from 'commander';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
let box: Sandbox;
beforeAll(async () => {
  box = await Sandbox.create();
});
afterAll(async () => {
  await box.cleanup();
});

describe.each<Runtime>(['node', 'deno'])('cli under %s', (runtime) => {
  it('prints the package version', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await box.run([flag], { runtime });
      expect(r).toMatchObject({ exitCode: 0, stdout: `${pkg.version}\n`, stderr: '' });
    }
  });

  it('prints help with examples, every command and the exit codes', async () => {
    const fast = await box.run(['--help'], { runtime });
    expect(fast.exitCode).toBe(0);
    expect(fast.stdout).toMatch(/^Usage: duo-sso-setup \[options\] \[command\]/);
    expect(fast.stdout).toContain('Examples:');
    expect(fast.stdout).toContain('Exit codes: 0 success, 1 a check or operation failed, 2 usage error');
    // The build-time rendering of --help is the same text commander prints at run time.
    const slow = await box.run(['help'], { runtime });
    expect(slow.stdout).toBe(fast.stdout);
  });

  it('shows help for a command with examples', async () => {
    const r = await box.run(['doctor', '--help'], { runtime });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: duo-sso-setup doctor [options]');
    expect(r.stdout).toContain('$ duo-sso-setup doctor --json');
  });

  it('shows help for credential-process too (its fast path skips the argument parser)', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await box.run(['credential-process', flag], { runtime });
      expect(r).toMatchObject({ exitCode: 0, stderr: '' });
      expect(r.stdout).toContain('Usage: duo-sso-setup credential-process [options]');
    }
  });
});

describe('cli', () => {
  it('treats a bad option value as a usage error', async () => {
    const r = await box.run(['doctor', '--timeout', 'soon']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--timeout must be a number of seconds/);
    // 0 is refused, so the message must not call it allowed.
    const zero = await box.run(['doctor', '--timeout', '0']);
    expect(zero.exitCode).toBe(2);
    expect(zero.stderr).toContain('--timeout must be a number of seconds above 0 and at most 600, got "0"');
    for (const args of [['--config', '', 'doctor'], ['doctor', '--config', ' ']]) {
      const r = await box.run([...args, '--only', 'config']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('--config needs a file path');
    }
    // An empty --only would otherwise run every check.
    for (const only of ['', ' , ']) {
      const r = await box.run(['doctor', '--json', '--only', only]);
      expect(r.exitCode).toBe(2);
      expect(r.json).toEqual({ error: { message: expect.stringContaining('--only needs at least one check id') } });
    }
  });

  it('gives a usage error with --json one JSON document on stdout, and the usual line on stderr', async () => {
    const r = await box.run(['doctor', '--json', '--no-such-flag']);
    expect(r).toMatchObject({ exitCode: 2, stderr: "duo-sso-setup: error: unknown option '--no-such-flag'\n" });
    expect(JSON.parse(r.stdout)).toEqual({ error: { message: "unknown option '--no-such-flag'" } });
    const missing = await box.run(['config', 'add-profile', 'x', '--json']);
    expect(missing.exitCode).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual({ error: { message: "required option '--account <ID>' not specified" } });
  });

  it('says nothing when its reader closes the pipe early (like `| head -1`)', async () => {
    for (const args of [['--help'], ['doctor', '--help'], ['troubleshoot', '--list']]) {
      const child = spawn(process.execPath, [CLI, ...args], { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before the CLI has started, so its first write meets a broken pipe.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect({ args, exitCode, stderr }).toEqual({ args, exitCode: 0, stderr: '' });
    }
  });

  it.runIf(existsSync('/dev/full'))('output that cannot be written (a full disk) is one line on stderr and exit 1, not a stack trace or exit 0', async () => {
    for (const args of [['--help'], ['--version'], ['doctor', '--only', 'platform'], ['doctor', '--json', '--only', 'platform']]) {
      const full = openSync('/dev/full', 'w');
      const child = spawn(process.execPath, [CLI, ...args], { env: box.env, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
      closeSync(full);
      expect({ args, exitCode, stderr }).toEqual({ args, exitCode: 1, stderr: 'duo-sso-setup: error: could not write the output: ENOSPC: no space left on device, write\n' });
    }
  });

  it('a damaged install (a sibling file missing) fails in one line, without a stack trace', async () => {
    const copy = join(box.root, 'damaged');
    await cp(dirname(CLI), copy, { recursive: true });
    await rm(join(copy, 'main.mjs'));
    await rm(join(copy, 'credential-process.cjs'));
    for (const args of [['doctor'], ['credential-process', '--profile', 'x']]) {
      const r = await box.exec(process.execPath, [join(copy, 'cli.js'), ...args]);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^duo-sso-setup: error: Cannot find module .*\nReinstall duo-sso-setup; if that does not help, report it with this line\.\n$/);
    }
  });

  it('deno task start runs the CLI (a bare `deno` in a task resolved to the npm bin and ran its ELF file as a script)', async () => {
    // deno.json's task, run against the build under test: a folder with the same deno.json,
    // that build as dist/ and the repository's node_modules.
    const dir = join(box.root, 'deno-task');
    await mkdir(dir);
    await cp(join(REPO, 'deno.json'), join(dir, 'deno.json'));
    await symlink(dirname(CLI), join(dir, 'dist'));
    await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'));
    const r = await box.exec(DENO, ['task', 'start', '--version'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('help for a command that does not exist is a usage error, not the general help with exit 0', async () => {
    for (const args of [['help', 'nosuch'], ['config', 'help', 'nosuch']]) {
      const r = await box.run(args);
      expect({ args, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr }).toEqual({
        args, exitCode: 2, stdout: '', stderr: "duo-sso-setup: error: unknown command 'nosuch'\nSee duo-sso-setup --help for the commands.\n",
      });
    }
    const json = await box.run(['help', '--json', 'nosuch']);
    expect(json).toMatchObject({ exitCode: 2, json: { error: { message: "unknown command 'nosuch'" } } });
    for (const args of [['help', 'doctor'], ['config', 'help', 'validate'], ['help']]) expect((await box.run(args)).exitCode, args.join(' ')).toBe(0);
  });

  it('prints help without a command', async () => {
    const r = await box.run([]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: duo-sso-setup');
  });

  it('every command and subcommand has help with examples', async () => {
    const paths: string[][] = [];
    const walk = (cmd: Command, prefix: string[]) => {
      for (const sub of cmd.commands) {
        if (sub.name() === 'help') continue;
        paths.push([...prefix, sub.name()]);
        walk(sub, [...prefix, sub.name()]);
      }
    };
    walk(buildProgram(() => {}), []);
    expect(paths.length).toBeGreaterThan(15);
    const missing: string[] = [];
    for (const path of paths) {
      const r = await box.run([...path, '--help']);
      if (r.exitCode !== 0 || !r.stdout.includes('Examples')) missing.push(path.join(' '));
    }
    expect(missing).toEqual([]);
  });
});
