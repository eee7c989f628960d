import { InvalidArgumentError } from 'commander';
import { POLICY_NAMES, isPolicyName, type PolicyName } from '../policyNames';

/** `fifo,sluice`: a subset of the compared policies, each once. */
export function parsePolicyList(value: string): PolicyName[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.find((name) => !isPolicyName(name));
  if (unknown !== undefined || names.length === 0) {
    throw new InvalidArgumentError(
      `choose from ${POLICY_NAMES.join(', ')}${unknown !== undefined ? ` (not ${unknown})` : ''}`,
    );
  }
  return [...new Set(names)] as PolicyName[];
}
