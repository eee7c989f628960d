import type { ResourceVector, StartRequest } from '@sluice/domain';
import type { KubernetesSpec } from './kubernetesSpec';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const JOB_ID_ANNOTATION = 'sluice.io/job-id';
export const ATTEMPT_LABEL = 'sluice.io/attempt';

/** The batch/v1 Job for one attempt; its name is the idempotency key. */
export function kubernetesJobManifest(
  name: string,
  namespace: string,
  spec: KubernetesSpec,
  request: StartRequest,
) {
  const labels = { ...spec.labels, [MANAGED_BY_LABEL]: 'sluice', [ATTEMPT_LABEL]: String(request.attempt) };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace, labels, annotations: { [JOB_ID_ANNOTATION]: request.jobId } },
    spec: {
      backoffLimit: spec.backoffLimit,
      ttlSecondsAfterFinished: spec.ttlSecondsAfterFinished,
      ...(spec.activeDeadlineSeconds ? { activeDeadlineSeconds: spec.activeDeadlineSeconds } : {}),
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          ...(spec.serviceAccountName ? { serviceAccountName: spec.serviceAccountName } : {}),
          containers: [
            {
              name: 'main',
              image: spec.image,
              ...(spec.command ? { command: spec.command } : {}),
              ...(spec.args ? { args: spec.args } : {}),
              env: Object.entries(spec.env).map(([n, value]) => ({ name: n, value })),
              resources: resourcesOf(request.demand),
            },
          ],
        },
      },
    },
  };
}

/** Requests equal limits, so the pod gets what Sluice reserved for it and no more. */
function resourcesOf(demand: ResourceVector) {
  const amounts: Record<string, string> = {};
  if (demand.vcpu) amounts.cpu = `${Math.round(demand.vcpu * 1000)}m`;
  if (demand.memoryMiB) amounts.memory = `${Math.ceil(demand.memoryMiB)}Mi`;
  if (demand.gpu) amounts['nvidia.com/gpu'] = String(Math.ceil(demand.gpu));
  return Object.keys(amounts).length > 0 ? { requests: amounts, limits: amounts } : {};
}
