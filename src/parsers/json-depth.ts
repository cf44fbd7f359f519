// JSON parsers and the code walking their result recurse once per level: a document nested
// a few thousand levels deep (a fuzzer's, or a file overwritten with junk) overflowed the
// stack and was reported as "unexpected error … This is a bug". Our files are a few levels
// deep, so anything past the limit is refused, at the bracket where it went too deep.

/** Far deeper than any config.json or state.json we write (they are 3 or 4 levels). */
export const MAX_JSON_DEPTH = 64;

/** The offset of the first `[` or `{` that opens level `limit + 1`, or undefined. Strings are skipped. */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return undefined;
}

/** JSON.parse with the depth limit: throws a SyntaxError naming the offset instead of overflowing later. */
export function parseJsonLimited(text: string, limit = MAX_JSON_DEPTH): unknown {
  const at = tooDeepAt(text, limit);
  if (at !== undefined) throw new SyntaxError(`nested more than ${limit} levels deep at offset ${at}`);
  return JSON.parse(text) as unknown;
}
