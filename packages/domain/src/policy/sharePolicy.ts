import type { z } from 'zod';
import type { EventInput, SluiceEvent } from '../events/catalogue';
import { sharePolicySetSchema, type SharePolicySetData } from '../events/policyEvents';

export const DEFAULT_CLASSES: Record<string, number> = {
  critical: 1000,
  high: 500,
  normal: 100,
  low: 50,
  backfill: 10,
};

export const defaultSharePolicy = (): SharePolicySetData => sharePolicySetSchema.parse({ shares: {}, classes: DEFAULT_CLASSES });

export function evolveSharePolicy(state: SharePolicySetData, event: SluiceEvent): SharePolicySetData {
  return event.type === 'SharePolicySet' ? event.data : state;
}

export function decideSharePolicy(command: { type: 'SetSharePolicy'; data: z.input<typeof sharePolicySetSchema> }): EventInput[] {
  return [{ type: 'SharePolicySet', data: command.data }];
}

export function weightOf(policy: SharePolicySetData, source: string): number {
  return policy.shares[source] ?? policy.defaultWeight;
}
