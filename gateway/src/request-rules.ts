import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { ErrorCode, refusal, type Identity } from '@credit-hub/kit';
import { Kind, type DocumentNode, type GraphQLError } from 'graphql';
import { checkArgumentText } from './argument-text.ts';
import { exceedsTokenLimit } from './limits.ts';
import type { Safelist } from './safelist.ts';

export interface RequestRulesOptions {
  safelist: Safelist;
  /** Anonymous callers may run only published operations. */
  enforceSafelist: boolean;
  maxTokens: number;
}

/**
 * Stands in for a refused caller's document: it parses and validates in no time and is never executed
 * (the refusal is raised first). The caller's own document is therefore never parsed or validated, so
 * an anonymous caller in production cannot probe the schema through validation messages either.
 */
const INERT_DOCUMENT = '{ __typename }';

/**
 * The rules every GraphQL request obeys, checked inside Apollo Server's pipeline on exactly the request
 * it is about to run — whatever transport brought it (POST body, GET parameters, each member of a
 * batch) — so no transport can skip one:
 *
 * - operations named by hash (`extensions.persistedQuery.sha256Hash`) are looked up in the published
 *   list and their text substituted; an unknown hash is PERSISTED_QUERY_NOT_FOUND (nobody can register
 *   one: automatic persisted queries are off);
 * - with the safelist enforced, an anonymous caller's document must be a published one
 *   (PERSISTED_QUERY_REQUIRED, 403);
 * - documents over the token limit are refused before they are parsed (TOKEN_LIMIT_EXCEEDED);
 * - the operation to run must be determined (OPERATION_RESOLUTION_FAILURE) and of a type the gateway
 *   executes (OPERATION_NOT_SUPPORTED for subscriptions);
 * - every string reaching an argument must be storable text (BAD_USER_INPUT, see argument-text.ts).
 *
 * Refusals decided before parsing are raised at `didResolveOperation`: Apollo Server answers an error
 * thrown there with the error's own status, while one thrown from `requestDidStart` becomes a 500.
 */
export function requestRulesPlugin(options: RequestRulesOptions): ApolloServerPlugin<{ identity: Identity }> {
  const exceedsTokens = tokenCounter(options.maxTokens);
  return {
    async requestDidStart({ request, contextValue }) {
      const refused = screen(request, contextValue.identity, options, exceedsTokens);
      if (refused) {
        request.query = INERT_DOCUMENT;
        request.operationName = undefined;
        request.variables = {};
        request.extensions = {};
      }
      return {
        async didResolveOperation({ document, operation, schema, request: resolved }) {
          if (refused) throw refused;
          if (!operation) throw unresolvedOperation(document, resolved.operationName);
          if (operation.operation === 'subscription')
            throw refusal(
              ErrorCode.OPERATION_NOT_SUPPORTED,
              400,
              'This gateway does not execute subscriptions: send a query (poll) instead',
              { operationType: 'subscription' },
            );
          const badText = checkArgumentText(schema, document, operation, resolved.variables);
          if (badText) throw badText;
        },
      };
    },
  };
}

/** The checks made on the request before its document is parsed; substitutes published operations. */
function screen(
  request: GraphQLRequest,
  identity: Identity,
  options: RequestRulesOptions,
  exceedsTokens: (query: string) => boolean,
): GraphQLError | null {
  const named = options.safelist.lookup(request);
  if (named.hash !== null) {
    if (!named.operation)
      return refusal(
        ErrorCode.PERSISTED_QUERY_NOT_FOUND,
        400,
        'No published operation has this sha256Hash: /operations/manifest.json lists the current ones',
      );
    const { persistedQuery: _named, ...rest } = request.extensions ?? {};
    request.extensions = rest;
  }
  if (named.operation) request.query = named.operation.query;
  else if (options.enforceSafelist && identity.role === 'PUBLIC')
    return refusal(
      ErrorCode.PERSISTED_QUERY_REQUIRED,
      403,
      "Anonymous callers may run only the public site's published operations (persisted queries)",
    );
  if (typeof request.query === 'string' && exceedsTokens(request.query))
    return refusal(ErrorCode.TOKEN_LIMIT_EXCEEDED, 400, `The document has more than ${options.maxTokens} tokens`, {
      maxTokens: options.maxTokens,
    });
  return null;
}

/** Texts of at most this many characters are remembered once counted within the limit, this many of them. */
const REMEMBERED_LENGTH = 32 * 1024;
const REMEMBERED_TEXTS = 256;

/**
 * The token limit, with the texts already counted within it remembered (ADR 0116): the site sends the same few
 * documents again and again, and lexing each one at every request was a measurable share of the gateway's CPU. The
 * memory is bounded (at most 256 texts of at most 32 KiB, forgotten all at once when full); a text over the limit is
 * never remembered, so it is refused every time by the same count.
 */
function tokenCounter(max: number): (query: string) => boolean {
  const within = new Set<string>();
  return (query) => {
    if (within.has(query)) return false;
    if (exceedsTokenLimit(query, max)) return true;
    if (query.length <= REMEMBERED_LENGTH) {
      if (within.size >= REMEMBERED_TEXTS) within.clear();
      within.add(query);
    }
    return false;
  };
}

function unresolvedOperation(document: DocumentNode, operationName: string | undefined): GraphQLError {
  const count = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  if (typeof operationName === 'string')
    return refusal(
      ErrorCode.OPERATION_RESOLUTION_FAILURE,
      400,
      `The document has no operation named ${JSON.stringify(operationName.slice(0, 100))}`,
    );
  return refusal(
    ErrorCode.OPERATION_RESOLUTION_FAILURE,
    400,
    `The document holds ${count} operations: name the one to run in operationName`,
  );
}
