import type { z } from 'zod';
import type { ResourceVector } from '../resources/resourceVector';
import type { poolRegisteredSchema, ReleaseReason } from '../events/poolEvents';

export type PoolCommand =
  | { type: 'RegisterPool'; data: z.input<typeof poolRegisteredSchema> }
  | { type: 'ChangeQuota'; quotas: ResourceVector; reason?: string }
  | { type: 'ReportCapacity'; observed: ResourceVector; capacity?: ResourceVector }
  | { type: 'ReserveCapacity'; jobId: string; demand: ResourceVector }
  | { type: 'ReleaseCapacity'; jobId: string; reason: ReleaseReason };
