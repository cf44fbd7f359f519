// The candidates for one TAB: the words typed so far (after the program name; the last is the
// one being completed, possibly empty) against the spec, and the profile names of config.json.
// Pure; run-complete.ts is its shell.
import type { CommandSpec, OptionSpec, ValueSpec } from './spec.js';

export interface CompletionInput {
  spec: CommandSpec;
  words: readonly string[];
  profiles: () => string[];
}

function findOption(options: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  return options.find((o) => o.flags.includes(flag));
}

function values(value: ValueSpec, current: string, profiles: () => string[]): string[] {
  switch (value.kind) {
    case 'profile':
      return profiles().filter((p) => p.startsWith(current));
    case 'words': {
      if (!value.list) return value.words.filter((w) => w.startsWith(current));
      // A comma-separated list: complete its last item, keep the ones before.
      const head = current.slice(0, current.lastIndexOf(',') + 1);
      const done = head.split(',').filter(Boolean);
      const last = current.slice(head.length);
      return value.words.filter((w) => w.startsWith(last) && !done.includes(w)).map((w) => head + w);
    }
    default:
      // Files and free text: nothing from us, the shell's own completion.
      return [];
  }
}

export function complete({ spec, words, profiles }: CompletionInput): string[] {
  const current = words.at(-1) ?? '';
  let command = spec;
  // Global options (the root's) are accepted after any command, as commander does.
  let options = [...spec.options];
  let positional = 0;
  let afterDashDash = false;
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]!;
    if (afterDashDash) {
      positional++;
      continue;
    }
    if (w === '--') {
      afterDashDash = true;
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      const o = findOption(options, w.split('=')[0]!);
      if (o?.value && !w.includes('=')) i++;
      continue;
    }
    const sub = command.commands.find((c) => c.name === w);
    if (sub && positional === 0) {
      command = sub;
      options = [...sub.options, ...spec.options.filter((g) => !sub.options.some((o) => o.flags.some((f) => g.flags.includes(f))))];
      continue;
    }
    positional++;
  }
  if (afterDashDash) return [];
  const previous = words.length >= 2 ? words.at(-2)! : undefined;
  const pending = previous && previous.startsWith('-') && !previous.includes('=') && !words.slice(0, -1).includes('--') ? findOption(options, previous) : undefined;
  if (pending?.value) return values(pending.value, current, profiles);
  if (current.startsWith('-')) {
    const eq = current.indexOf('=');
    if (eq > 0) {
      const o = findOption(options, current.slice(0, eq));
      return o?.value ? values(o.value, current.slice(eq + 1), profiles).map((v) => `${current.slice(0, eq + 1)}${v}`) : [];
    }
    return [...new Set(options.flatMap((o) => o.flags))].filter((f) => f.startsWith(current)).sort();
  }
  const subcommands = positional === 0 ? command.commands.map((c) => c.name).filter((n) => n.startsWith(current)) : [];
  const arg = command.args[Math.min(positional, command.args.length - 1)];
  const fromArg = arg && positional < command.args.length ? values(arg, current, profiles) : [];
  return [...subcommands, ...fromArg];
}
