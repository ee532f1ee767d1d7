/**
 * The service's JSON reader (ASP.NET's System.Text.Json) stops at 64 levels of nesting by
 * default; the emulator refuses the same bodies. Without a limit, a deeply nested body parses
 * fine (JSON.parse does not recurse) but the first recursive walk over it, such as String() of
 * an array in an error message, overflows the stack: a 500 instead of a 400.
 */
export const MAX_JSON_NESTING = 64;

/** Whether JSON text nests arrays and objects deeper than MAX_JSON_NESTING: one pass, strings skipped, no recursion. */
export function exceedsJsonNesting(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') {
        index += 1;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > MAX_JSON_NESTING) {
        return true;
      }
    } else if (char === ']' || char === '}') {
      depth -= 1;
    }
  }
  return false;
}
