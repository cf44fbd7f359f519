// Shows duo-sso's output to the user with secrets redacted, whole lines at a time, except a
// prompt (an unfinished line its stream has gone quiet on), which is shown at once so the user
// can answer it. A partial is shown only when it holds nothing secret-looking; the rest of its
// line follows, redacted as a whole, when the line ends.
import { redactSecrets } from '../knowledge/redact.js';

type Stream = 'stdout' | 'stderr';

// The end of a partial that may be the start of a key, token or assertion: held back until the line ends.
const TOKEN_TAIL = /[A-Za-z0-9+/=_-]{16,}$/;

export interface RedactingEcho {
  partial(text: string, stream: Stream): void;
  line(line: string, stream: Stream): void;
}

export function redactingEcho(write: (text: string) => void): RedactingEcho {
  const shown: Record<Stream, string> = { stdout: '', stderr: '' };
  return {
    partial(text, stream) {
      if (!text.startsWith(shown[stream]) || redactSecrets(text) !== text || TOKEN_TAIL.test(text)) return;
      const fresh = text.slice(shown[stream].length);
      if (fresh) write(fresh);
      shown[stream] = text;
    },
    line(line, stream) {
      const redacted = redactSecrets(line);
      const before = shown[stream];
      shown[stream] = '';
      // What was shown is the start of the raw line and held nothing to redact, so it is
      // normally the start of the redacted line too; if not, show the redacted line afresh.
      write(before && !redacted.startsWith(before) ? `\n${redacted}\n` : `${redacted.slice(before.length)}\n`);
    },
  };
}
