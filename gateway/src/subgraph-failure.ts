import { ErrorCode, isErrorCode, subgraphUnavailable } from '@credit-hub/kit';
import { GraphQLError } from 'graphql';
import { departmentOf, SubgraphTimeout } from './fetcher.ts';

interface SubgraphError {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/** The first error of a subgraph's non-2xx answer, when the answer was GraphQL JSON at all. */
function firstError(error: Error): SubgraphError | undefined {
  const response = (error as GraphQLError).extensions?.response as { body?: unknown } | undefined;
  return (response?.body as { errors?: SubgraphError[] } | undefined)?.errors?.[0];
}

/**
 * What the caller learns when a subgraph answers with an HTTP failure (a 2xx answer's errors pass through
 * Apollo Gateway with `serviceName` already).
 *
 * A subgraph that answered with a refusal of ours — a code of the kit's vocabulary, such as BAD_USER_INPUT for a
 * variable its own scalars reject (400), UNAUTHENTICATED for an identity header it refused (401), or
 * AUDIT_UNAVAILABLE when its audit trail could not be written (503) — said exactly what went wrong: the refusal is
 * passed on as the subgraph sent it, with `serviceName` naming the department, so clients branch on the real code.
 * Only a failure that is not such an answer (no answer, a timeout, a 5xx without our JSON, an internal error)
 * becomes SUBGRAPH_UNAVAILABLE. Either way only that subgraph's fields are missing.
 */
export function subgraphFailure(subgraph: string, error: Error, response?: { status: number }): GraphQLError {
  if (error instanceof SubgraphTimeout)
    // Late: its fields are left out so that the rest of the answer is not held (fetcher.ts, per-subgraph deadlines).
    return subgraphUnavailable(
      subgraph,
      `The ${subgraph} subgraph (department: ${departmentOf(subgraph) ?? subgraph}) did not answer within ` +
        `${error.timeoutMs} ms: its fields are missing from this answer`,
      { reason: 'TIMEOUT', timeoutMs: error.timeoutMs, department: departmentOf(subgraph) },
      error,
    );
  const first = firstError(error);
  const code = first?.extensions?.code;
  if (typeof first?.message === 'string' && isErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // Neither the subgraph's stack trace (development) nor its HTTP status instruction reaches the caller.
    const { stacktrace: _trace, http: _http, ...extensions } = first.extensions ?? {};
    return new GraphQLError(first.message, { extensions: { ...extensions, serviceName: subgraph } });
  }
  return subgraphUnavailable(
    subgraph,
    `The ${subgraph} subgraph is unavailable: its fields are missing from this answer`,
    response ? { status: response.status } : {},
    error,
  );
}
