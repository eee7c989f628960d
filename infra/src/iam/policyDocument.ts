export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface TrustPolicy {
  Version: '2012-10-17';
  Statement: {
    Effect: 'Allow';
    Principal: { Service: string } | { AWS: string[] };
    Action: 'sts:AssumeRole';
    Condition?: Record<string, Record<string, string>>;
  }[];
}

export const policyDocument = (statements: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements,
});

/**
 * A role that an AWS service assumes. With an account, only requests made on behalf of this
 * account's resources may assume it (the confused-deputy guard Step Functions and EventBridge
 * Scheduler document).
 */
export function serviceTrustPolicy(service: string, sourceAccount?: string): TrustPolicy {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: service },
        Action: 'sts:AssumeRole',
        ...(sourceAccount ? { Condition: { StringEquals: { 'aws:SourceAccount': sourceAccount } } } : {}),
      },
    ],
  };
}

export function principalsTrustPolicy(principals: string[]): TrustPolicy {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' }],
  };
}
