// Renders docs/troubleshooting.md from the knowledge base. scripts/gen-docs.mjs writes it;
// a unit test fails when the committed file and this output differ.
import { shellQuote } from '../ui/style.js';
import { GROUP_TITLES, KNOWLEDGE } from './index.js';
import type { KnownFailure } from './types.js';

const OS_LABEL: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows', other: 'other systems' };

export function renderTroubleshootingDoc(entries: readonly KnownFailure[] = KNOWLEDGE): string {
  const groups = [...new Set(entries.map((e) => e.group))];
  const out: string[] = [
    '# Troubleshooting',
    '',
    '<!-- Generated from src/knowledge/*.ts by `node scripts/gen-docs.mjs`. Edit the data, not this file. -->',
    '',
    'Every failure below is known to `duo-sso-setup`: `login` and `doctor` recognise it in the output they read,',
    'and you can paste any error into `duo-sso-setup troubleshoot` (or pipe a log into `duo-sso-setup troubleshoot -`)',
    'to get the same explanation and the exact commands. Fixes marked *automatic* are applied by `login` or',
    '`doctor --fix` by themselves.',
    '',
    '```sh',
    "duo-sso-setup troubleshoot \"Failed to Assume Role 'admin' via STS: ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.\"",
    'duo-sso-setup troubleshoot --file ~/duo-sso.log',
    'duo-sso 2>&1 | duo-sso-setup troubleshoot -',
    '```',
    '',
    'Placeholders such as `<profile>` are filled in by `troubleshoot` when the message names them.',
    '',
    '## Contents',
    '',
  ];
  for (const group of groups) {
    out.push(`- ${GROUP_TITLES[group]}`);
    for (const e of entries.filter((x) => x.group === group)) out.push(`  - [\`${e.id}\`](#${e.id}): ${e.title}`);
  }
  for (const group of groups) {
    out.push('', `## ${GROUP_TITLES[group]}`);
    for (const e of entries.filter((x) => x.group === group)) out.push('', ...renderEntry(e));
  }
  return `${out.join('\n')}\n`;
}

function renderEntry(e: KnownFailure): string[] {
  const lines = [
    `### ${e.id}`,
    '',
    `**${e.title}**`,
    '',
    'What it looks like:',
    '',
    '```text',
    e.example,
    '```',
    '',
    `Why: ${e.explanation}`,
    '',
    `Fix${e.fix.automatic ? ' (automatic)' : ''}: ${e.fix.description}.`,
  ];
  lines.push(...commandBlock(e.fix.commands));
  for (const [os, commands] of Object.entries(e.fix.platformCommands ?? {})) {
    lines.push('', `On ${OS_LABEL[os] ?? os}:`, ...commandBlock(commands ?? []));
  }
  return lines;
}

function commandBlock(commands: readonly string[][]): string[] {
  return commands.length === 0 ? [] : ['', '```sh', ...commands.map((c) => shellQuote(c)), '```'];
}
