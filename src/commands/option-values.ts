// `credentials migrate --profile --version` printed the version and exited 0: commander
// takes `--version` as the program's option wherever it appears, since the program does not
// know that the subcommand's --profile wants a value. An option that needs a value followed
// by something that looks like a flag is a usage error (exit 2), caught before commander.
import type { Command } from 'commander';

/** `--profile needs a value, got '--version'`, or undefined when every such option has a value. */
export function flagAsValue(program: Command, args: readonly string[]): string | undefined {
  let command = program;
  const path: Command[] = [program];
  for (const [i, arg] of args.entries()) {
    const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (sub) {
      command = sub;
      path.push(sub);
      continue;
    }
    const option = path.flatMap((c) => c.options).find((o) => o.long === arg || o.short === arg);
    if (!option?.required) continue;
    const next = args[i + 1];
    // A lone "-" is the usual name for stdin; anything else starting with "-" is a flag.
    if (next !== undefined && next.startsWith('-') && next !== '-') return `option '${option.flags}' needs a value, got '${next}' (to pass a value that starts with '-', write ${arg}=VALUE)`;
  }
  return undefined;
}
