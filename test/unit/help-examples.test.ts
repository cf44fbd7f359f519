// Help examples work when copied: every `$ duo-sso-setup …` line of every command's --help is
// parsed by the program's own command tree (no usage error: an option it does not know, a
// missing value), and the troubleshoot examples that quote an error are recognised for real.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { buildProgram } from '../../src/main.js';
import { shlexSplit } from '../../src/aws/botocore-view.js';
import { CLI } from '../support/sandbox.js';

function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return cmd.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

const help = (path: string[]) => spawnSync(process.execPath, [CLI, ...path, '--help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } }).stdout;

/** The argv of each example: a continued line joined, a comment, a pipe and a redirection cut off. */
function examples(text: string): string[][] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  const out: string[][] = [];
  for (const m of joined.matchAll(/^\s*\$ duo-sso-setup (.*)$/gm)) {
    const words = shlexSplit(m[1]!.replace(/\s+#\s.*$/, ''));
    if (!words) throw new Error(`cannot split example: ${m[1]}`);
    const end = words.findIndex((w) => ['|', '<', '>', '2>&1'].includes(w));
    // Placeholders as a user fills them in.
    out.push((end < 0 ? words : words.slice(0, end)).map((w) => (w === 'HEX' || w === '<hex>' ? 'ab'.repeat(32) : w)));
  }
  return out;
}

class Parsed extends Error {}

async function parseOnly(argv: string[]): Promise<'parsed' | string> {
  const program = buildProgram(() => {});
  const quiet = (c: Command): void => {
    c.configureOutput({ writeErr: () => {}, writeOut: () => {}, outputError: () => {} });
    c.commands.forEach(quiet);
  };
  quiet(program);
  program.hook('preAction', () => {
    throw new Parsed();
  });
  try {
    await program.parseAsync(['node', 'duo-sso-setup', ...argv]);
    return 'ran without an action';
  } catch (error) {
    return error instanceof Parsed ? 'parsed' : String((error as Error).message);
  }
}

const paths = [[], ...commandPaths(buildProgram(() => {}))];
const all = paths.flatMap((p) => examples(help(p)).map((argv) => ({ where: p.join(' ') || '(top level)', argv })));

describe('help examples', () => {
  it('are there to check (most commands show some)', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it.each(all.map((e) => [e.where, e.argv.join(' '), e.argv] as const))('%s: duo-sso-setup %s parses', async (_where, _line, argv) => {
    expect(await parseOnly(argv)).toBe('parsed');
  });

  const quoted = all.filter((e) => e.argv[0] === 'troubleshoot' && e.argv.length === 2 && !e.argv[1]!.startsWith('-'));
  it.each(quoted.map((e) => [e.argv[1]!] as const))('troubleshoot %s: recognised when copied', (text) => {
    const r = spawnSync(process.execPath, [CLI, 'troubleshoot', text], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('has troubleshoot examples that quote an error', () => {
    expect(quoted.length).toBeGreaterThanOrEqual(2);
  });
});
