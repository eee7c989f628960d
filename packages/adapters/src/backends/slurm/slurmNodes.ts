import type { ResourceVector } from '@sluice/domain';

/** A node as `GET nodes` gives it (the same fields in v0.0.38 and v0.0.40); memory in MiB. */
export interface SlurmNode {
  cpus?: number;
  alloc_cpus?: number;
  real_memory?: number;
  alloc_memory?: number;
}

const sum = (nodes: SlurmNode[], field: keyof SlurmNode) =>
  nodes.reduce((total, node) => total + (node[field] ?? 0), 0);

/** CPUs and memory the controller has allocated, against what its nodes have. */
export function slurmNodeCapacity(nodes: SlurmNode[]): {
  observed: ResourceVector;
  capacity: ResourceVector;
} {
  return {
    observed: { vcpu: sum(nodes, 'alloc_cpus'), memoryMiB: sum(nodes, 'alloc_memory') },
    capacity: { vcpu: sum(nodes, 'cpus'), memoryMiB: sum(nodes, 'real_memory') },
  };
}
