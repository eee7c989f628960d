import type { ResourceVector } from '@sluice/domain';
import { DIMENSIONS } from '@sluice/domain/vocabulary';

/** `runs=1 dpu=10`: the dimensions a vector names, in a fixed order. */
export function formatResources(v: ResourceVector): string {
  return (
    DIMENSIONS.filter((d) => v[d] !== undefined)
      .map((d) => `${d}=${round(v[d]!)}`)
      .join(' ') || '-'
  );
}

export function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
