import { ErrorCode } from '@credit-hub/kit';
import { GraphQLError } from 'graphql';

/**
 * What the caller learns when a subgraph request fails. A subgraph answering 400 with BAD_USER_INPUT
 * refused the caller's input — a variable its own scalars reject, such as a malformed Date, which the
 * gateway's schema cannot check — so that error is passed on as it is: the caller's mistake, not a
 * department that is down. Anything else (no answer, a 5xx, a refused identity) costs only that
 * subgraph's fields, with SUBGRAPH_UNAVAILABLE naming it.
 */
export function subgraphFailure(subgraph: string, error: Error, response?: { status: number }): GraphQLError {
  const body = (error as GraphQLError).extensions?.response as { body?: unknown } | undefined;
  const first = (body?.body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | undefined)
    ?.errors?.[0];
  if (
    response?.status === 400 &&
    first?.extensions?.code === ErrorCode.BAD_USER_INPUT &&
    typeof first.message === 'string'
  ) {
    const { stacktrace: _trace, ...extensions } = first.extensions;
    return new GraphQLError(first.message, { extensions: { ...extensions, serviceName: subgraph } });
  }
  return new GraphQLError(`The ${subgraph} subgraph is unavailable: its fields are missing from this answer`, {
    extensions: {
      code: ErrorCode.SUBGRAPH_UNAVAILABLE,
      serviceName: subgraph,
      ...(response ? { status: response.status } : {}),
    },
    originalError: error,
  });
}
