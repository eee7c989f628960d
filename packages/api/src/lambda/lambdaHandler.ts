import type { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import type { ApiEnv } from '../app/apiEnv';

/** The app behind API Gateway: the same one Node serves, handed to hono's Lambda adapter. */
export function lambdaHandler(app: Hono<ApiEnv>) {
  return handle(app);
}
