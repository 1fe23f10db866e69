import type { Response } from 'express';

/**
 * Refusals made before Apollo Server runs (body too large, rate limited, not safelisted, bad token)
 * still answer in GraphQL's error shape with a stable code, so clients handle every refusal alike.
 */
export function sendGraphQLError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}
