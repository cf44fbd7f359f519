// A pattern whose words are everybody's (git's "Repository not found", the tty ioctl error
// every program can meet) names a failure of ours only when the text is about the program
// the entry is for. `inContext` keeps the pattern's match (so the evidence line stays the
// failing line) and requires the context anywhere in the text, before or after it. Pure.

/** `pattern`, matching only where `context` occurs somewhere in the same text. */
export function inContext(context: RegExp, pattern: RegExp): RegExp {
  const c = context.source;
  return new RegExp(`(?:(?<=(?:${c})[\\s\\S]*)|(?=[\\s\\S]*(?:${c})))(?:${pattern.source})`, pattern.flags);
}

/** Homebrew's own words or paths: a tap's clone failing inside `brew tap`/`brew install`. */
export const HOMEBREW_CONTEXT = /\bbrew\b|[Hh]omebrew|\/Taps\/|\btap\b/;
