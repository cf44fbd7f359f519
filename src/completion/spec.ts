// What shell completion knows, taken from commander's command tree so it never drifts from
// the real flags: every command, subcommand, option (and whether it takes a value), and where
// a value comes from. Written to dist/completion-spec.json at build time (scripts/build.mjs),
// read on each TAB by the fast path (complete.ts), which never loads commander.
import type { Argument, Command, Option } from 'commander';

/** Where an option's or argument's values come from. */
export type ValueSpec =
  | { kind: 'profile' }
  /** Words, optionally a comma-separated list of them (doctor --only). */
  | { kind: 'words'; words: string[]; list?: boolean }
  | { kind: 'file' }
  | { kind: 'any' };

export interface OptionSpec {
  flags: string[];
  value?: ValueSpec;
}

export interface CommandSpec {
  name: string;
  options: OptionSpec[];
  args: ValueSpec[];
  commands: CommandSpec[];
}

/** Values that the command tree cannot say by itself: by command path and option/argument name. */
export interface ValueSources {
  checkIds: readonly string[];
  components: Readonly<Record<string, readonly string[]>>;
}

function optionValue(path: string, o: Option, sources: ValueSources): ValueSpec | undefined {
  if (!o.required && !o.optional) return undefined;
  const long = o.long ?? '';
  if (long === '--profile') return { kind: 'profile' };
  if (path === 'doctor' && long === '--only') return { kind: 'words', words: [...sources.checkIds], list: true };
  if (o.argChoices) return { kind: 'words', words: [...o.argChoices] };
  if (/<(path|file|dir)>/.test(o.flags) || long === '--file') return { kind: 'file' };
  return { kind: 'any' };
}

function argValue(path: string, a: Argument, sources: ValueSources): ValueSpec {
  if (a.argChoices) return { kind: 'words', words: [...a.argChoices] };
  const components = sources.components[path];
  if (a.name() === 'component' && components) return { kind: 'words', words: [...components] };
  if (/profile|name/.test(a.name()) && /profile/.test(path)) return { kind: 'profile' };
  if (/file/.test(a.name())) return { kind: 'file' };
  return { kind: 'any' };
}

const optionsOf = (path: string, c: Command, sources: ValueSources): OptionSpec[] =>
  c.options.filter((o) => !o.hidden).map((o) => {
    const value = optionValue(path, o, sources);
    return { flags: [o.short, o.long].filter((f): f is string => Boolean(f)), ...(value ? { value } : {}) };
  });

/** The spec of `c`, whose path from the root is `path` ('' for the root, 'config init' for a subcommand). */
export function commandSpec(c: Command, sources: ValueSources, path = ''): CommandSpec {
  const registered = (c as unknown as { registeredArguments?: readonly Argument[] }).registeredArguments ?? [];
  return {
    name: c.name(),
    options: [...optionsOf(path, c, sources), { flags: ['-h', '--help'] }],
    args: registered.map((a) => argValue(path, a, sources)),
    commands: c.commands.map((s) => commandSpec(s, sources, path ? `${path} ${s.name()}` : s.name())),
  };
}
