/** A cluster shape: one master and `coreCount` core nodes, any of the listed instance types. */
export interface SizeTier {
  masterInstanceType: string;
  /** Several types of one size, so Spot can draw on more capacity pools. */
  coreInstanceTypes: string[];
  coreCount: number;
  /** Nominal resources one core node gives YARN. */
  vcpuPerCore: number;
  memoryMiBPerCore: number;
}

export const SIZE_TIERS: Record<string, SizeTier> = {
  small: {
    masterInstanceType: 'm5.xlarge',
    coreInstanceTypes: ['m5.2xlarge', 'm5a.2xlarge', 'm6i.2xlarge'],
    coreCount: 2,
    vcpuPerCore: 8,
    memoryMiBPerCore: 24_576,
  },
  medium: {
    masterInstanceType: 'm5.xlarge',
    coreInstanceTypes: ['m5.4xlarge', 'm5a.4xlarge', 'm6i.4xlarge'],
    coreCount: 4,
    vcpuPerCore: 16,
    memoryMiBPerCore: 57_344,
  },
  large: {
    masterInstanceType: 'm5.2xlarge',
    coreInstanceTypes: ['r5.8xlarge', 'r5a.8xlarge', 'r6i.8xlarge'],
    coreCount: 8,
    vcpuPerCore: 32,
    memoryMiBPerCore: 245_760,
  },
};

/** What `members` clusters of a tier give the pool. */
export function tierCapacity(tier: SizeTier, members: number): { vcpu: number; memoryMiB: number } {
  return {
    vcpu: tier.vcpuPerCore * tier.coreCount * members,
    memoryMiB: tier.memoryMiBPerCore * tier.coreCount * members,
  };
}
