import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from './dynamoLocal';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the DynamoDB Local shared by this test run. */
    dynamoEndpoint: string;
  }
}

/** One DynamoDB Local per test run: starting the JVM takes seconds, a fresh table per test does not. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
