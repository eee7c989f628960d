import type { PolicyDocument, PolicyStatement, TrustPolicy } from '../iam/policyDocument';
import { ofType, type RecordedResource } from './pulumiMocks';

export interface RolePolicies {
  role: RecordedResource;
  trust: TrustPolicy;
  statements: PolicyStatement[];
}

/** Each role with its trust policy and the statements of every inline policy attached to it. */
export function rolePolicies(resources: RecordedResource[]): Map<string, RolePolicies> {
  const roles = new Map<string, RolePolicies>();
  for (const role of ofType(resources, 'aws:iam/role:Role')) {
    roles.set(role.inputs.name as string, {
      role,
      trust: JSON.parse(role.inputs.assumeRolePolicy as string) as TrustPolicy,
      statements: [],
    });
  }
  for (const policy of ofType(resources, 'aws:iam/rolePolicy:RolePolicy')) {
    // The mock gives a role's id as "<logical name>-id"; physical and logical names differ only by "-role".
    const roleId = (policy.inputs.role as string).replace(/-id$/, '');
    const entry = [...roles.values()].find((r) => r.role.name === roleId);
    if (!entry) throw new Error(`policy ${policy.name} is attached to unknown role ${roleId}`);
    entry.statements.push(...(JSON.parse(policy.inputs.policy as string) as PolicyDocument).Statement);
  }
  return roles;
}

export const actionsIn = (statements: PolicyStatement[]) =>
  [...new Set(statements.flatMap((s) => s.Action))].sort();
export const resourcesFor = (statements: PolicyStatement[], action: string) =>
  [...new Set(statements.filter((s) => s.Action.includes(action)).flatMap((s) => s.Resource))].sort();
