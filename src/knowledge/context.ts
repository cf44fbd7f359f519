// A pattern whose words are everybody's (git's "Repository not found", the tty ioctl error
// every program can meet) names a failure of ours only when the text is about the program
// the entry is for. `inContext` keeps the pattern's match (so the evidence line stays the
// failing line) and requires the context anywhere in the text, before or after it. Pure.

/**
 * `pattern`, matching only where `context` occurs somewhere in the same text. The context is
 * looked for only where the pattern matches (a lookahead copy of it, its named groups made
 * plain, goes first): looking around the whole text at every position is quadratic (seconds
 * on 20 KB, hours on the 8 MB troubleshoot reads).
 */
export function inContext(context: RegExp, pattern: RegExp): RegExp {
  const c = context.source;
  const plain = pattern.source.replace(/\(\?<([A-Za-z_$][\w$]*)>/g, '(?:');
  return new RegExp(`(?=${plain})(?:(?<=(?:${c})[\\s\\S]*)|(?=[\\s\\S]*?(?:${c})))(?:${pattern.source})`, pattern.flags);
}

/** Homebrew's own words or paths: a tap's clone failing inside `brew tap`/`brew install`. */
export const HOMEBREW_CONTEXT = /\bbrew\b|[Hh]omebrew|\/Taps\/|\btap\b/;

/** Amazon EKS's own words: `aws eks get-token`, aws-iam-authenticator, an EKS endpoint or cluster ARN (arn:aws:eks:…). */
export const EKS_CONTEXT = /\b(?:eks|EKS)\b|\baws-iam-authenticator\b/;

/** `pattern`, matching only where `context` occurs nowhere in the same text (another cause's proof is shown). */
export function unlessContext(context: RegExp, pattern: RegExp): RegExp {
  const c = context.source;
  // The pattern first, the look-arounds only where it matched: scanning the whole text at every position is quadratic.
  return new RegExp(`(?:${pattern.source})(?<!(?:${c})[\\s\\S]*)(?![\\s\\S]*(?:${c}))`, pattern.flags);
}

/** The Linux kernel's out-of-memory killer as dmesg/journalctl show it: a SIGKILL that is memory, not a signature. */
export const OOM_CONTEXT = /Out of memory: Kill(?:ed)? process|\boom-kill(?:er)?\b|\boom_reaper\b|Memory cgroup out of memory|\bOOMKilled\b/;
