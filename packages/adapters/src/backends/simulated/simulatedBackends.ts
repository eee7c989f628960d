import { BACKENDS, type Backend } from '@sluice/domain';
import type { z } from 'zod';
import { batchSpecSchema } from '../batch/batchSpec';
import { emrStepSpecSchema } from '../emr/emrSpec';
import { glueCrawlerSpecSchema, glueJobSpecSchema } from '../glue/glueSpec';
import { kubernetesSpecSchema } from '../kubernetes/kubernetesSpec';
import { livySpecSchema } from '../livy/livySpec';
import { slurmSpecSchema } from '../slurm/slurmSpec';
import { stepFunctionsSpecSchema } from '../stepfunctions/stepFunctionsSpec';
import { SimulatedBackend, type SimulatedBackendOptions } from './simulatedBackend';

/** The spec each real adapter accepts, for simulated backends that check specs the same way. */
export const SPEC_SCHEMAS: Record<Backend, z.ZodType | undefined> = {
  glue: glueJobSpecSchema,
  'glue-crawler': glueCrawlerSpecSchema,
  emr: emrStepSpecSchema,
  batch: batchSpecSchema,
  stepfunctions: stepFunctionsSpecSchema,
  livy: livySpecSchema,
  kubernetes: kubernetesSpecSchema,
  slurm: slurmSpecSchema,
  simulated: undefined,
};

export type SimulatedBackendsOptions = Omit<SimulatedBackendOptions, 'backend' | 'specSchema'> & {
  /** Refuse specs the real adapter would refuse (off by default: demo workloads carry sketches). */
  validateSpecs?: boolean;
  /** Per-kind overrides: slower EMR steps, a tighter Glue quota… */
  perBackend?: Partial<Record<Backend, Partial<SimulatedBackendOptions>>>;
};

/** One simulated backend per backend kind, for the local runtime: the runner needs no real service. */
export function simulatedBackends(options: SimulatedBackendsOptions): Record<Backend, SimulatedBackend> {
  const { validateSpecs, perBackend, ...shared } = options;
  return Object.fromEntries(
    BACKENDS.map((backend, i) => {
      const specSchema = validateSpecs ? SPEC_SCHEMAS[backend] : undefined;
      // Each kind draws from its own sequence, so adding a kind does not change the others' runs.
      const sim = new SimulatedBackend({
        ...shared,
        seed: shared.seed + i * 7919,
        backend,
        ...(specSchema ? { specSchema } : {}),
        ...perBackend?.[backend],
      });
      return [backend, sim];
    }),
  ) as Record<Backend, SimulatedBackend>;
}
