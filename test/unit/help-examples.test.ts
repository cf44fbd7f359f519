// Help examples work when copied: every `$ duo-sso-setup …` line of every command's --help is
// parsed by the program's own command tree (no usage error: an option it does not know, a
// missing value), and the troubleshoot examples that quote an error are recognised for real.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from '../../src/main.js';
import { shlexSplit } from '../../src/aws/botocore-view.js';
import { CLI, REPO } from '../support/sandbox.js';

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

/**
 * The command lines a reader copies from a document: each line of a `sh` block, each `$ ` line
 * of any block (transcripts and the fix lines in generated output), each inline code span that
 * is a command. A line continued with `\` is joined; a comment is cut off.
 */
export function docCommandLines(markdown: string): string[] {
  const lines: string[] = [];
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(fence)) {
    const body = m[2]!.replace(/\s*\\\n\s*/g, ' ').split('\n');
    if (m[1] === 'sh') lines.push(...body);
    else lines.push(...body.filter((l) => /^\s*\$ /.test(l)).map((l) => l.replace(/^\s*\$ /, '')));
  }
  for (const m of markdown.replace(fence, '').matchAll(/`(duo-sso-setup [^`\n]+)`/g)) lines.push(m[1]!);
  return lines.map((l) => l.replace(/(^|\s)#\s.*$/, '').trim()).filter((l) => {
    const runs = invocations(l);
    return typeof runs === 'string' || runs.length > 0;
  });
}

/**
 * The argv of each duo-sso-setup run in a shell line: inside `$(…)`, `<(…)` and `"$(…)"` too, up
 * to a pipe, a list operator, a redirection or the end of the substitution.
 */
export function invocations(line: string): string[][] | string {
  const opened = line.replace(/"\$\(|\$\(|<\(/g, ' ( ').replace(/\)"/g, ' ) ').replace(/\)(\s|$)/g, ' ) ');
  const words = shlexSplit(opened);
  if (!words) return `cannot split: ${line}`;
  const out: string[][] = [];
  const stops = new Set(['|', '||', '&&', ';', ')', '<', '>', '>>', '2>&1', '&']);
  // Where a shell expects a program: the start, after an operator or `(`, after sudo and the
  // like or a VAR=value. Anywhere else duo-sso-setup is an argument (`npm view duo-sso-setup`).
  const commandAt = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) {
      const w = words[j]!;
      if (stops.has(w) || w === '(') return true;
      if (!['sudo', 'exec', 'time', 'nice', 'env', 'command'].includes(w) && !/^[A-Z_][A-Z0-9_]*=/.test(w)) return false;
    }
    return true;
  };
  words.forEach((w, i) => {
    if (w !== 'duo-sso-setup' || !commandAt(i)) return;
    const rest = words.slice(i + 1);
    // A redirection, not a quoted placeholder such as '<profile>'.
    const end = rest.findIndex((x) => stops.has(x) || (/^\d?[<>]/.test(x) && !/^<[\w -]+>$/.test(x)));
    out.push(end < 0 ? rest : rest.slice(0, end));
  });
  return out;
}

const DOCS = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((n) => n.endsWith('.md')).sort().map((n) => `docs/${n}`)];
const fromDocs = DOCS.flatMap((file) => docCommandLines(readFileSync(join(REPO, file), 'utf8')).map((line) => ({ file, line })));

describe('command lines in README.md and docs/', () => {
  it('are found in sh blocks, transcripts, generated output and inline code', () => {
    expect(docCommandLines([
      'Run `duo-sso-setup doctor --fix` or `aws sso login`.', '```sh', 'duo-sso-setup login \\', '  --yes   # comment', 'source <(duo-sso-setup completion bash)', '```',
      '```console', '$ duo-sso-setup config validate', 'not a command: duo-sso-setup x', '```', '```text', '      $ duo-sso-setup install duo-sso', '```', '',
    ].join('\n'))).toEqual(['duo-sso-setup login --yes', 'source <(duo-sso-setup completion bash)', 'duo-sso-setup config validate', 'duo-sso-setup install duo-sso', 'duo-sso-setup doctor --fix']);
    expect(invocations('eval "$(duo-sso-setup env --profile eticloud)"')).toEqual([['env', '--profile', 'eticloud']]);
    expect(invocations('duo-sso 2>&1 | duo-sso-setup troubleshoot -')).toEqual([['troubleshoot', '-']]);
    expect(invocations("duo-sso-setup troubleshoot --json - < error.txt")).toEqual([['troubleshoot', '--json', '-']]);
    expect(invocations("sudo duo-sso-setup doctor --user NAME")).toEqual([['doctor', '--user', 'NAME']]);
    expect(invocations('source <(duo-sso-setup completion bash)')).toEqual([['completion', 'bash']]);
    expect(invocations('npm view duo-sso-setup versions')).toEqual([]);
    expect(invocations('deno install -g -A -n duo-sso-setup dist/cli.js && duo-sso-setup doctor')).toEqual([['doctor']]);
    expect(fromDocs.length).toBeGreaterThan(100);
    expect(new Set(fromDocs.map((d) => d.file)).size).toBeGreaterThan(10);
  });

  it.each(fromDocs.map((d) => [d.file, d.line] as const))('%s: %s parses', async (_file, line) => {
    const runs = invocations(line);
    expect(typeof runs === 'string' ? runs : runs.length, 'one duo-sso-setup run at least').not.toBe(0);
    for (const argv of runs as string[][]) expect(await copied(argv)).toBe('parsed');
  });

  it('tells a synopsis from an example, and a command named in the text from a run', async () => {
    expect(await copied(['config', 'validate', '[--json]'])).toMatch(/^synopsis, not an example/);
    expect(await copied(['install', 'aws-cli|duo-sso'])).toMatch(/^synopsis, not an example/);
    expect(await copied(['config', 'add-profile'])).toBe('parsed');
    expect(await copied(['config', 'nope'])).not.toBe('parsed');
    expect(await copied(['upgrade', '--sha256', 'HEX', '--from', 'x'])).toBe('parsed');
    expect(await copied(['--version'])).toBe('parsed');
  });

  it('the completion hook the docs name is answered by the built CLI', () => {
    const r = spawnSync(process.execPath, [CLI, '__complete', 'doc'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toContain('doctor');
  });
});

const commandTree = buildProgram(() => {});
/** Whether the words name a command (`duo-sso-setup config add-profile` in a sentence), not run one. */
function namesCommand(argv: string[]): boolean {
  let cmd: Command | undefined = commandTree;
  for (const w of argv) cmd = cmd?.commands.find((c) => c.name() === w || c.aliases().includes(w));
  return argv.length > 0 && cmd !== undefined;
}

/**
 * What happens to a documented command line typed as it stands: usage brackets and `a|b` are a
 * synopsis (a shell passes them on as words), HEX stands for a checksum the reader pastes, the
 * completion hook is answered before the parser, --help and --version print and exit.
 */
async function copied(argv: string[]): Promise<string> {
  const synopsis = argv.find((w) => /^\[.*\]\.*$/.test(w) || /^[\w-]+(\|[\w-]+)+$/.test(w));
  if (synopsis) return `synopsis, not an example: ${synopsis}`;
  if (argv[0] === '__complete') return 'parsed';
  if (namesCommand(argv)) return 'parsed';
  const filled = argv.map((w) => (w === 'HEX' ? 'ab'.repeat(32) : w));
  const r = await parseOnly(filled);
  if (filled.includes('--help') && r === '(outputHelp)') return 'parsed';
  if (filled.length === 1 && filled[0] === '--version' && /^\d+\.\d+\.\d+/.test(r)) return 'parsed';
  return r;
}
