// Node's file-system errors in every form Node has printed them, so an entry keyed on an errno
// name recognises a paste from any Node (and the npm that ran on it):
//   Node 4 and later (src/api/exceptions.cc UVException): `EACCES: permission denied, mkdir '/p'`
//   Node 0.10 and 0.12 (src/node.cc UVException / ErrnoException): `EACCES, mkdir '/p'` or
//   `EACCES, permission denied '/p'` — code, then the syscall or the message, then the path.
// npm 1 and 2 (lib/utils/error-handler.js) printed these under "npm ERR! Error: ", and npm 2–6
// logged them under a lowercase heading of the code (`npm ERR! nospc ENOSPC, mkdir '/p'`).

const ANY_PATH = String.raw`(?<path>[^'\n]+)`;

/**
 * A failed file-system call as Node prints it, in both the current and the 0.x form.
 * `message` is libuv's text for `code` (uv_strerror), `syscalls` an alternation of syscall
 * names; `path` a pattern for the quoted path (a named `path` group by default).
 */
export function nodeFsError(code: string, message: string, syscalls: string, path: string = ANY_PATH, flags = ''): RegExp {
  return new RegExp(String.raw`\b${code}(?:: ${message}, (?:${syscalls})|, (?:${syscalls}|${message})) '${path}'`, flags);
}
