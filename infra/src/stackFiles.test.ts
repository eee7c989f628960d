import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rawStageConfig } from './config/readStageConfig';
import { parseStageConfig } from './config/stageConfig';

/** A stack file's config as Pulumi hands it to the program: every value as text, objects as JSON. */
function stackConfig(stage: string): Record<string, string> {
  const file = parse(readFileSync(new URL(`../Pulumi.${stage}.yaml`, import.meta.url), 'utf8')) as {
    config: Record<string, unknown>;
  };
  return Object.fromEntries(
    Object.entries(file.config).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

describe('the checked-in stack files', () => {
  it.each(['dev', 'prod'])('Pulumi.%s.yaml parses into a valid stage config', (stage) => {
    const config = parseStageConfig(stage, rawStageConfig(stackConfig(stage)));
    expect(config.stage).toBe(stage);
    expect(config.pools.length).toBeGreaterThan(0);
  });

  it('differ where the stages should', () => {
    const dev = parseStageConfig('dev', rawStageConfig(stackConfig('dev')));
    const prod = parseStageConfig('prod', rawStageConfig(stackConfig('prod')));
    expect([dev.deletionProtection, prod.deletionProtection]).toEqual([false, true]);
    expect([dev.billingMode, prod.billingMode]).toEqual(['PAY_PER_REQUEST', 'PROVISIONED']);
    expect([dev.logRetentionDays, prod.logRetentionDays]).toEqual([14, 365]);
  });
});
