/**
 * Limits every way in applies alike (HTTP body, CLI file, pipeline event): the largest document
 * Sluice accepts, and how deep it may nest. Deep enough for any real job spec; shallow enough that
 * hashing and storing it never overflow the stack.
 */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const MAX_JSON_DEPTH = 32;

/** True when a JSON value nests deeper than `max` levels (objects and arrays count). */
export function depthExceeds(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
