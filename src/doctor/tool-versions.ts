// The support bundle's versions.json: which version of each tool answered, read from that
// tool's own answer the way the tool writes it. Each tool has its own format, so one generic
// "first number" rule misreads some of them (pass draws a banner of '=' around "v1.7.4", gpg
// names libgcrypt on its second line, AWS CLI v1 answers on stderr and names Python and
// botocore too, a Homebrew checkout says "4.6.15-108-gb7ea5c5" or ">=4.3.0 (shallow or no git
// repository)").

export interface ToolVersion {
  /** The tool's version (`2.9.19`); `>=4.3.0` when the tool itself only knows a lower bound. */
  version: string | null;
  /** The line of the answer that says so, without decoration; the first line when none does. */
  answer: string;
}

export type VersionedTool = 'aws' | 'duo-sso' | 'brew' | 'gpg' | 'pass' | 'git' | 'deno' | 'node';

/** How each tool is asked, and where its version sits in the answer. */
export const VERSION_PROBES: ReadonlyArray<{ tool: VersionedTool; args: readonly string[]; pattern: RegExp }> = [
  // "aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0 source/x86_64.debian.12 prompt/off" (v2, stdout);
  // "aws-cli/1.45.11 Python/3.11.7 Linux/6.1.0 botocore/1.43.11" (v1, stderr on older Pythons).
  { tool: 'aws', args: ['--version'], pattern: /\baws-cli\/(\d+\.\d+\.\d+)/ },
  // Go, built by goreleaser: "duo-sso v3.4.1"; some builds "duo-sso version 3.4.1".
  { tool: 'duo-sso', args: ['--version'], pattern: /^duo-sso(?:\s+version)?\s+v?(\d+\.\d+\.\d+)/ },
  // Homebrew/brew's brew.sh: "Homebrew " + `git describe --tags --dirty` ("4.3.1", "4.6.15-108-gb7ea5c5",
  // "4.1.0-dirty"), or ">=X.Y.Z (shallow or no git repository)"; a tapped core adds a second line.
  { tool: 'brew', args: ['--version'], pattern: /^Homebrew\s+(>=)?(\d+\.\d+\.\d+)/ },
  // "gpg (GnuPG) 2.2.40" ("gpg (GnuPG/MacGPG2) 2.2.41" on macOS), then libgcrypt and a licence.
  { tool: 'gpg', args: ['--version'], pattern: /gpg \(GnuPG[^)]*\)\s+(\d+\.\d+(?:\.\d+)?)/ },
  // pass's cmd_version: a box of '=' with "v1.7.4" on a line of its own.
  { tool: 'pass', args: ['version'], pattern: /^[=\s]*v(\d+\.\d+(?:\.\d+)?)[=\s]*$/ },
  // "git version 2.39.5", "git version 2.39.3 (Apple Git-146)", "git version 2.45.1.windows.1".
  { tool: 'git', args: ['--version'], pattern: /^git version (\d+\.\d+\.\d+)/ },
  // "deno 2.9.6 (stable, release, x86_64-unknown-linux-gnu)", then v8 and typescript.
  { tool: 'deno', args: ['--version'], pattern: /^deno (\d+\.\d+\.\d+)/ },
  // "v20.19.5".
  { tool: 'node', args: ['--version'], pattern: /^v(\d+\.\d+\.\d+)$/ },
];

/** A line without the box pass draws around it and without control characters. */
function bare(line: string): string {
  return line.replace(/[^\x20-\x7e]/g, '').replace(/^[\s=*#|-]+|[\s=*#|-]+$/g, '');
}

/** The version in `tool`'s answer (stdout and stderr together); null when it answered nothing. */
export function parseToolVersion(tool: VersionedTool, text: string): ToolVersion | null {
  const probe = VERSION_PROBES.find((p) => p.tool === tool)!;
  const lines = text.split(/\r?\n/).filter((l) => bare(l) !== '');
  for (const line of lines) {
    const m = probe.pattern.exec(line);
    if (!m) continue;
    const version = m.length > 2 ? `${m[1] ?? ''}${m[2]}` : m[1]!;
    return { version, answer: bare(line) };
  }
  return lines.length > 0 ? { version: null, answer: bare(lines[0]!) } : null;
}
