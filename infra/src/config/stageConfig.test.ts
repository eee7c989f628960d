import { describe, expect, it } from 'vitest';
import { rawStageConfig } from './readStageConfig';
import { parseStageConfig, StageConfigError } from './stageConfig';

describe('stage config', () => {
  it('gives dev and prod their own defaults', () => {
    const dev = parseStageConfig('dev', {});
    const prod = parseStageConfig('prod', {});
    expect([dev.billingMode, dev.deletionProtection, dev.logRetentionDays]).toEqual([
      'PAY_PER_REQUEST',
      false,
      14,
    ]);
    expect([prod.billingMode, prod.deletionProtection, prod.logRetentionDays]).toEqual([
      'PROVISIONED',
      true,
      365,
    ]);
  });

  it('overrides objects key by key, keeping the other defaults', () => {
    const config = parseStageConfig('prod', { alarms: { oldestQueuedJobAgeSeconds: 600 } });
    expect(config.alarms).toMatchObject({ oldestQueuedJobAgeSeconds: 600, dlqDepth: 0, periodSeconds: 300 });
  });

  it('makes a stack with another name say which profile it follows', () => {
    expect(() => parseStageConfig('production', {})).toThrow(/sluice:profile/);
    expect(parseStageConfig('staging', { profile: 'prod' })).toMatchObject({
      stage: 'staging',
      deletionProtection: true,
    });
  });

  it('names the offending keys', () => {
    const attempt = () =>
      parseStageConfig('dev', {
        billingMode: 'PROVISIONED',
        logRetentionDays: 10,
        publishers: ['arn:aws:iam::12:role/x'],
        pools: [{ poolId: 'p', backend: 'glue', capacity: { cpus: 1 }, quotas: {} }],
      });
    expect(attempt).toThrow(StageConfigError);
    expect(attempt).toThrow(/sluice:capacity:/);
    expect(attempt).toThrow(/sluice:logRetentionDays:/);
    expect(attempt).toThrow(/sluice:publishers\.0:/);
    expect(attempt).toThrow(/sluice:pools\.0\.capacity:/);
  });

  it('validates initial pools with the domain schema and refuses duplicates', () => {
    const pool = { poolId: 'glue-etl', backend: 'glue', capacity: { runs: 10 }, quotas: { runs: 5 } };
    expect(parseStageConfig('dev', { pools: [pool] }).pools).toEqual([pool]);
    expect(() => parseStageConfig('dev', { pools: [pool, pool] })).toThrow(/glue-etl is listed twice/);
  });

  it('reads Pulumi config values as JSON where they are JSON, and refuses unknown keys', () => {
    expect(
      rawStageConfig({
        'sluice:logRetentionDays': '30',
        'sluice:billingMode': 'PAY_PER_REQUEST',
        'sluice:publishers': '["arn:aws:iam::123456789012:role/p"]',
        'aws:region': 'eu-west-1',
      }),
    ).toEqual({
      logRetentionDays: 30,
      billingMode: 'PAY_PER_REQUEST',
      publishers: ['arn:aws:iam::123456789012:role/p'],
    });
    expect(() => rawStageConfig({ 'sluice:logRetention': '30' })).toThrow(
      /unknown config keys: sluice:logRetention/,
    );
  });

  it('keeps the heartbeat within the admission time-out', () => {
    expect(() =>
      parseStageConfig('dev', { jobManager: { admissionTimeoutSeconds: 900, heartbeatSeconds: 1800 } }),
    ).toThrow(/heartbeatSeconds/);
  });
});
