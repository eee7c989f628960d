import { CONFIG_KEYS } from './stageConfig';

const NAMESPACE = 'sluice:';

/**
 * The stack's `sluice:*` settings as plain values. Pulumi hands every value over as text (objects
 * and lists as JSON), so each is parsed as JSON when it is JSON and kept as text when not.
 * A key the program does not know is refused: a typo must not fall back to a default silently.
 */
export function rawStageConfig(all: Record<string, string>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [fullKey, text] of Object.entries(all)) {
    if (!fullKey.startsWith(NAMESPACE)) continue;
    const key = fullKey.slice(NAMESPACE.length);
    if (!CONFIG_KEYS.includes(key)) unknown.push(fullKey);
    else raw[key] = parseValue(text);
  }
  if (unknown.length > 0)
    throw new Error(`unknown config keys: ${unknown.join(', ')} (known: ${CONFIG_KEYS.join(', ')})`);
  return raw;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
