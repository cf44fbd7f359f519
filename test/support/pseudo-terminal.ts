// A real pseudo-terminal for unit tests that must see what a user's terminal shows: python3
// opens a pty pair, prints the terminal's path (/dev/pts/N), and copies everything written to
// it to its stdout until `screen()` is asked for. The terminal is not anyone's controlling
// terminal; code under test opens it by path, as it opens /dev/tty.
import { spawn } from 'node:child_process';

const DRIVER = String.raw`
import os, select, sys
master, slave = os.openpty()
sys.stdout.write(os.ttyname(slave) + "\n")
sys.stdout.flush()
out = sys.stdout.buffer
def drain(quiet):
    # Everything the terminal holds, until it has been quiet for this long.
    while select.select([master], [], [], quiet)[0]:
        data = os.read(master, 65536)
        if not data:
            return
        out.write(data)
        out.flush()
while True:
    ready = select.select([master, sys.stdin], [], [])[0]
    if master in ready:
        drain(0)
    if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1):
        drain(0.05)
        break
`;

export interface PseudoTerminal {
  /** The terminal's device path. */
  path: string;
  /** Everything written to it so far, with the terminal's CRLF turned back into LF; closes it. */
  screen(): Promise<string>;
}

export async function openPseudoTerminal(): Promise<PseudoTerminal> {
  const child = spawn('/usr/bin/python3', ['-c', DRIVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  while (!text.includes('\n')) {
    if (child.exitCode !== null) throw new Error('python3 could not open a pseudo-terminal');
    await new Promise((r) => setTimeout(r, 10));
  }
  const path = text.slice(0, text.indexOf('\n'));
  return {
    path,
    screen: async () => {
      child.stdin.end();
      await closed;
      return text.slice(path.length + 1).replace(/\r\n/g, '\n');
    },
  };
}
