// A real terminal for black-box tests: python3's pty module runs the CLI (under Node or Deno)
// on a pseudo-terminal and types keys when given text appears, as a user would. Ctrl-C is the
// byte \x03 typed at the terminal: at a question (raw mode) the prompt reads it; otherwise the
// terminal turns it into SIGINT for the foreground process group, exactly as for a user.
// Also: what a run left behind (processes, temporary files), by scanning /proc.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, DENO, type Runtime, type Sandbox } from './sandbox.js';

export const CTRL_C = '\x03';

export interface PtyStep {
  /** Text (a regular expression, in Python's syntax) to wait for on the screen after the previous step. */
  waitFor: string;
  /** Also wait for this file to exist (a stand-in tool touches it when it starts). */
  waitForFile?: string;
  /** Keys to type once it appears. */
  send: string;
  /** Instead of typing: send this signal to the CLI's process (what `kill` or `timeout` does). */
  signal?: 'SIGTERM' | 'SIGINT' | 'SIGHUP';
  /** Pause after the text appears before typing, in ms (default 100: let the prompt settle). */
  delayMs?: number;
}

export interface PtyResult {
  /** The exit code, or 128 + N when killed by signal N. */
  exitCode: number;
  /** Everything written to the terminal (stdout and stderr together), escape codes removed. */
  screen: string;
  /** The raw bytes as text, escape codes and all. */
  raw: string;
  /** A step whose text never appeared (the run was then killed). */
  missed?: string;
}

const DRIVER = String.raw`
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time
spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    # A real terminal has a size; a new pty has 0x0, where lists (enquirer's select) show no rows.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, spec.get("columns", 200), 0, 0))
    os.execv(spec["argv"][0], spec["argv"])
screen = b""
def read(timeout):
    global screen
    r, _, _ = select.select([fd], [], [], timeout)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        screen += data
    return True
missed = None
seen = 0
for step in spec["steps"]:
    pattern = re.compile(step["waitFor"].encode())
    deadline = time.time() + spec["stepTimeout"]
    found = None
    alive = True
    while time.time() < deadline:
        found = pattern.search(screen, seen)
        if found and step.get("waitForFile") and not os.path.exists(step["waitForFile"]):
            found = None
        if found or not alive:
            break
        alive = read(0.1)
    if not found:
        missed = step["waitFor"]
        break
    seen = found.end()
    time.sleep(step.get("delayMs", 100) / 1000)
    if step.get("signal"):
        os.kill(pid, getattr(signal, step["signal"]))
    else:
        os.write(fd, step["send"].encode())
deadline = time.time() + spec["exitTimeout"]
status = None
while time.time() < deadline:
    read(0.1)
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = st
        break
if status is None:
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
# What is left to read; a process that still holds the terminal (a pinentry) must not keep us here.
while select.select([fd], [], [], 0.2)[0]:
    if not read(0):
        break
code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
sys.stdout.write(json.dumps({"exitCode": code, "raw": screen.decode(errors="replace"), "missed": missed}))
`;

/** Removes terminal escape sequences, so assertions read what a user reads. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\x1b[()][A-Z0-9]/g, '').replace(/\x1b[=>78]/g, '').replace(/\r/g, '');
}

/** Runs the built CLI on a terminal, typing `steps`; the child never sees CI=true. */
export async function runInPty(
  box: Sandbox,
  args: string[],
  opts: {
    runtime?: Runtime; steps: PtyStep[]; env?: Record<string, string | undefined>; stepTimeoutMs?: number; exitTimeoutMs?: number; columns?: number;
    /** Instead of the CLI with `args`: this /bin/sh command line (to redirect one stream off the terminal). */
    shell?: string;
  },
): Promise<PtyResult> {
  const runtime = opts.runtime ?? 'node';
  // --quiet, as the README runs Deno: without it Deno's own progress line (console_static_text)
  // writes ESC[0G ESC[2K ESC[J to a terminal stderr for every module load, a line it never drew.
  const argv = opts.shell !== undefined ? ['/bin/sh', '-c', opts.shell] : runtime === 'node' ? [process.execPath, CLI, ...args] : [DENO, 'run', '-A', '--quiet', CLI, ...args];
  const spec = { argv, steps: opts.steps, stepTimeout: (opts.stepTimeoutMs ?? 30_000) / 1000, exitTimeout: (opts.exitTimeoutMs ?? 30_000) / 1000, columns: opts.columns ?? 200 };
  const driver = join(box.root, 'pty-driver.py');
  await writeFile(driver, DRIVER);
  // CI=true makes the tool non-interactive: a terminal test must not inherit it.
  const r = await box.exec('python3', [driver, JSON.stringify(spec)], {
    env: { TERM: 'xterm', COLUMNS: String(opts.columns ?? 200), LINES: '50', CI: undefined, ...opts.env },
    timeoutMs: (opts.stepTimeoutMs ?? 30_000) * (opts.steps.length + 1) + (opts.exitTimeoutMs ?? 30_000),
  });
  if (!r.json) throw new Error(`pty driver failed (${r.exitCode}): ${r.stderr}${r.stdout}`);
  const out = r.json as { exitCode: number; raw: string; missed: string | null };
  return { exitCode: out.exitCode, raw: out.raw, screen: plain(out.raw), ...(out.missed ? { missed: out.missed } : {}) };
}

export interface Leftover {
  pid: number;
  cmdline: string;
}

/**
 * Processes still running whose environment or command line contains `marker` (the sandbox's
 * HOME, say: everything a run started inherits it). Daemons gpg starts for itself are left out
 * unless named in `include`.
 */
export async function leftoverProcesses(marker: string, opts: { ignore?: RegExp } = {}): Promise<Leftover[]> {
  const ignore = opts.ignore ?? /(^|\/)(gpg-agent|keyboxd|dirmngr|scdaemon|dbus-daemon|gnome-keyring-daemon)( |$)/;
  const found: Leftover[] = [];
  for (const name of await readdir('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const [environ, cmd, stat] = await Promise.all([
        readFile(`/proc/${pid}/environ`, 'utf8').catch(() => ''),
        readFile(`/proc/${pid}/cmdline`, 'utf8'),
        readFile(`/proc/${pid}/stat`, 'utf8'),
      ]);
      // A zombie has been reaped by nobody yet, but it runs nothing.
      if (/\) Z /.test(stat)) continue;
      const cmdline = cmd.split('\0').filter(Boolean).join(' ');
      if (!environ.includes(marker) && !cmdline.includes(marker)) continue;
      if (ignore.test(cmdline)) continue;
      found.push({ pid, cmdline });
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** Waits up to `ms` for leftovers to go (a killed group needs a moment to be reaped). */
export async function settledLeftovers(marker: string, ms = 5_000, opts: { ignore?: RegExp } = {}): Promise<Leftover[]> {
  const until = Date.now() + ms;
  for (;;) {
    const left = await leftoverProcesses(marker, opts);
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Files under `dir` (recursively) that look like our temporary files or locks. */
export async function leftoverTempFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.tmp-|\.lock($|\.)|^\.duo-sso-setup-/.test(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out;
}
