// Puts the fake `brew` (brew.mjs beside this file) into a test sandbox: a Homebrew prefix
// under the sandbox root whose bin/ holds a sh wrapper that execs Node by absolute path
// (the sandbox PATH has no node), plus helpers to read its command log and state.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../sandbox.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'brew.mjs');
export const TAP_NAME = 'ats-operations/tap';
export const UPSTREAM_URL = 'https://wwwin-github.cisco.com/ATS-operations/homebrew-tap';

export interface TapState {
  remote: string;
  broken: boolean;
  /** The version the local checkout offers; null = stale ("No available formula" until update). */
  index: string | null;
  trusted?: boolean;
}

export interface FakeBrewScenario {
  homebrewVersion?: string;
  /** What a fresh clone / `brew update` gets. */
  upstream?: { url?: string; version?: string };
  taps?: Record<string, TapState>;
  installed?: Record<string, { version: string; tap: string }>;
  /** A fresh tap has no index until `brew update`. */
  staleAfterTap?: boolean;
  trustRequired?: boolean;
  /** `brew upgrade` exits 0 saying "already installed" without upgrading. */
  upgradeIsNoop?: boolean;
  /** Installed binaries print this version whatever was installed (an unlinked keg, another duo-sso). */
  brokenBinaryVersion?: string;
  /** Subcommand ("untap", "tap --repair", …) → error message; that command then exits 1 and changes nothing. */
  fail?: Record<string, string>;
}

/** Commands that only read. Anything else in the log changed (or tried to change) the machine. */
export const READ_ONLY = new Set(['--version', '--prefix', '--repository', 'list', 'info', 'outdated', 'tap-info', 'config']);
export function isReadOnly(argv: readonly string[]): boolean {
  return READ_ONLY.has(argv[0] ?? '') || (argv[0] === 'tap' && argv.length === 1);
}

export class FakeBrew {
  private constructor(readonly dir: string, readonly prefix: string) {}

  /** Installs the fake into `box`; add `fake.binDir` in front of PATH when running the CLI. */
  static async install(box: Sandbox, scenario: FakeBrewScenario = {}): Promise<FakeBrew> {
    const dir = join(box.root, 'fake-brew');
    const prefix = join(box.root, 'homebrew');
    await mkdir(dir, { recursive: true });
    await mkdir(join(prefix, 'bin'), { recursive: true });
    const state = {
      homebrewVersion: scenario.homebrewVersion ?? '4.4.20',
      prefix,
      upstream: { tap: TAP_NAME, formula: 'duo-sso', url: scenario.upstream?.url ?? UPSTREAM_URL, version: scenario.upstream?.version ?? '3.5.0' },
      taps: scenario.taps ?? {},
      installed: scenario.installed ?? {},
      staleAfterTap: scenario.staleAfterTap ?? false,
      trustRequired: scenario.trustRequired ?? false,
      upgradeIsNoop: scenario.upgradeIsNoop ?? false,
      fail: scenario.fail ?? {},
      ...(scenario.brokenBinaryVersion ? { brokenBinaryVersion: scenario.brokenBinaryVersion } : {}),
    };
    await writeFile(join(dir, 'state.json'), JSON.stringify(state, null, 2));
    await writeFile(join(dir, 'log.jsonl'), '');
    const wrapper = `#!/bin/sh\n# Fake Homebrew for tests (see ${SCRIPT}).\nFAKE_BREW_DIR='${dir}' exec '${process.execPath}' '${SCRIPT}' "$@"\n`;
    await writeFile(join(prefix, 'bin', 'brew'), wrapper, { mode: 0o755 });
    const fake = new FakeBrew(dir, prefix);
    for (const [name, inst] of Object.entries(state.installed)) await fake.writeDuoSso(inst.version, name);
    return fake;
  }

  get binDir(): string {
    return join(this.prefix, 'bin');
  }

  /** PATH for the CLI: Homebrew's bin first, then the sandbox's. */
  pathFor(box: Sandbox): string {
    return `${this.binDir}:${box.env.PATH}`;
  }

  async log(): Promise<string[][]> {
    const text = await readFile(join(this.dir, 'log.jsonl'), 'utf8');
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]);
  }

  async changingCommands(): Promise<string[][]> {
    return (await this.log()).filter((argv) => !isReadOnly(argv));
  }

  async state(): Promise<any> {
    return JSON.parse(await readFile(join(this.dir, 'state.json'), 'utf8'));
  }

  private async writeDuoSso(version: string, name: string): Promise<void> {
    await writeFile(join(this.binDir, name), `#!/bin/sh\necho "duo-sso v${version}"\n`, { mode: 0o755 });
  }
}

/** duo-sso 3.4.0 installed from a broken tap, 3.5.0 upstream: the guide's failure. */
export function brokenTapScenario(extra: FakeBrewScenario = {}): FakeBrewScenario {
  return {
    taps: { [TAP_NAME]: { remote: UPSTREAM_URL, broken: true, index: '3.5.0' } },
    installed: { 'duo-sso': { version: '3.4.0', tap: TAP_NAME } },
    ...extra,
  };
}

/** duo-sso 3.4.0 from a healthy tap that already knows 3.5.0. */
export function healthyScenario(extra: FakeBrewScenario = {}): FakeBrewScenario {
  return {
    taps: { [TAP_NAME]: { remote: UPSTREAM_URL, broken: false, index: '3.5.0' } },
    installed: { 'duo-sso': { version: '3.4.0', tap: TAP_NAME } },
    ...extra,
  };
}
