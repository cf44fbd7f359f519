// Reads a command's input from a file or stdin with a size cap, so a wrong file (a disk
// image, /dev/zero) fails fast with a clear message instead of filling memory.
import { createReadStream } from 'node:fs';
import { UserError } from '../errors.js';
import { onInterrupt, throwIfInterrupted } from '../platform/interrupt.js';

export type InputSource = { kind: 'stdin' } | { kind: 'file'; path: string };

export async function readInput(source: InputSource, opts: { maxBytes: number; stdin?: AsyncIterable<Buffer | string> }): Promise<string> {
  return (await readInputBytes(source, opts)).toString('utf8');
}

/** The bytes as read, for input whose text encoding is worked out later (`saml inspect`: UTF-16). */
export async function readInputBytes(source: InputSource, opts: { maxBytes: number; stdin?: AsyncIterable<Buffer | string> }): Promise<Buffer> {
  const name = source.kind === 'stdin' ? 'standard input' : source.path;
  const stream = source.kind === 'stdin' ? (opts.stdin ?? process.stdin) : createReadStream(source.path);
  const chunks: Buffer[] = [];
  let size = 0;
  // At a terminal, reading stdin looks like a hang: say what we are waiting for.
  if (stream === process.stdin && process.stdin.isTTY) process.stderr.write('duo-sso-setup: reading standard input: paste the text, then press Ctrl-D on a line of its own (Ctrl-C stops).\n');
  // Ctrl-C while we wait: stop reading, so the run can end with its summary.
  const unhook = onInterrupt(() => (stream as { destroy?: () => void }).destroy?.());
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > opts.maxBytes) {
        throw new UserError(`${name} is larger than ${formatBytes(opts.maxBytes)}`, { hint: 'Pass only the relevant part (the error lines, or the one SAML response).' });
      }
      chunks.push(buf);
    }
  } catch (error) {
    throwIfInterrupted();
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UserError(`cannot read ${name}: ${why}`);
  } finally {
    unhook();
    if ('destroy' in stream && typeof stream.destroy === 'function' && stream !== process.stdin) stream.destroy();
  }
  throwIfInterrupted();
  return Buffer.concat(chunks);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MiB` : n >= 1024 ? `${n / 1024} KiB` : `${n} bytes`;
}
