import { createHash } from 'node:crypto';

/** What a backend accepts in a run or job name. */
export interface NameRules {
  maxLength: number;
  /** Characters outside this class are replaced with `-`. */
  allowed: RegExp;
  lowercase?: boolean;
}

const PREFIX = 'sluice-';
const ATTEMPT_MARK = '-a';

export const STEP_FUNCTIONS_NAME: NameRules = { maxLength: 80, allowed: /[A-Za-z0-9_-]/ };
export const BATCH_NAME: NameRules = { maxLength: 128, allowed: /[A-Za-z0-9_-]/ };
export const EMR_STEP_NAME: NameRules = { maxLength: 256, allowed: /[A-Za-z0-9_.:-]/ };
/** DNS-1123 label, so the name can also be a label value and a pod-name prefix. */
export const KUBERNETES_NAME: NameRules = { maxLength: 63, allowed: /[a-z0-9-]/, lowercase: true };
export const LIVY_NAME: NameRules = { maxLength: 128, allowed: /[A-Za-z0-9_.:-]/ };
export const SLURM_NAME: NameRules = { maxLength: 128, allowed: /[A-Za-z0-9_.:-]/ };

/**
 * The name a run of (jobId, attempt) gets on a backend without client tokens: the same inputs
 * always give the same name, so a retried start finds the run it launched before. When the job
 * id has to be altered to fit, a hash of the original keeps two altered ids from colliding.
 */
export function runNameFor(jobId: string, attempt: number, rules: NameRules): string {
  const cased = rules.lowercase ? jobId.toLowerCase() : jobId;
  const cleaned = [...cased].map((c) => (rules.allowed.test(c) ? c : '-')).join('');
  const suffix = `${ATTEMPT_MARK}${attempt}`;
  const plain = `${PREFIX}${cleaned}${suffix}`;
  if (cleaned === jobId && plain.length <= rules.maxLength) return plain;
  const hash = createHash('sha256').update(`${jobId}\u0000${attempt}`).digest('hex').slice(0, 10);
  const room = rules.maxLength - PREFIX.length - suffix.length - hash.length - 1;
  const head = cleaned.slice(0, Math.max(0, room)).replace(/-+$/, '');
  return `${PREFIX}${head}-${hash}${suffix}`;
}

/** The (jobId, attempt) a name encodes, when it was made from an id that needed no altering. */
export function parseRunName(name: string): { jobId: string; attempt: number } | undefined {
  const match = /^sluice-(.+)-a(\d+)$/.exec(name);
  if (!match) return undefined;
  const [, jobId, attempt] = match;
  // A hashed name ends in a 10-hex-digit block that is not part of the job id; it cannot be reversed.
  if (!jobId || /-[0-9a-f]{10}$/.test(jobId)) return undefined;
  return { jobId, attempt: Number(attempt) };
}
