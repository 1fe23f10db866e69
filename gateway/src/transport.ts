import { ErrorCode, isUtf8, mediaType, sendGraphQLError } from '@credit-hub/kit';
import type { NextFunction, Request, Response } from 'express';

/**
 * What /graphql takes before anything is read or run: GET and POST only; a POST body in JSON (a form or
 * text/plain post — what a cross-site page can send without a preflight — is refused, not executed); an
 * Accept header that admits a JSON answer. The Accept check must come first: Apollo Server checks it
 * only after running the operation, so a mutation sent with `Accept: text/html` would be written and
 * then answered 406.
 */
export function graphqlTransport(req: Request, res: Response, next: NextFunction) {
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('allow', 'GET, POST');
    return sendGraphQLError(res, 405, ErrorCode.METHOD_NOT_ALLOWED, `/graphql takes GET and POST, not ${req.method}`, {
      allowed: ['GET', 'POST'],
    });
  }
  if (!req.accepts(['application/json', 'application/graphql-response+json']))
    return sendGraphQLError(
      res,
      406,
      ErrorCode.NOT_ACCEPTABLE,
      'The answer is JSON: accept application/json or application/graphql-response+json',
    );
  // req.is() is null for a request without a body (a GET, an empty POST), false for another type.
  const json = req.is('application/json');
  if (req.method === 'POST' && json === null)
    return sendGraphQLError(res, 400, ErrorCode.BAD_REQUEST, 'A POST to /graphql needs a JSON body: {"query": …}');
  const declared = req.header('content-type');
  const { type, charset } = mediaType(declared);
  if (json === false || (declared !== undefined && type !== 'application/json'))
    return sendGraphQLError(
      res,
      415,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `Requests to /graphql are sent as Content-Type application/json, not ${JSON.stringify(declared ?? '')} ` +
        '(a form or text/plain post is refused: cross-site request protection)',
    );
  // GraphQL over HTTP is UTF-8 only; body-parser would also decode UTF-16 and UTF-32.
  if (!isUtf8(charset))
    return sendGraphQLError(
      res,
      415,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `Requests to /graphql are UTF-8 (charset ${JSON.stringify(charset!.slice(0, 40))} is not accepted)`,
    );
  next();
}

// Request ids travel to every subgraph and into the audit trail: printable ASCII, as proxies make them.
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** A caller-supplied `x-request-id` must be a plausible id, not arbitrary text stored in every audit entry. */
export function requestIdFormat(req: Request, res: Response, next: NextFunction) {
  const id = req.header('x-request-id');
  if (id !== undefined && !REQUEST_ID.test(id))
    return sendGraphQLError(
      res,
      400,
      ErrorCode.BAD_USER_INPUT,
      '`x-request-id` must be 1 to 128 printable ASCII characters without spaces',
      { field: 'x-request-id', rule: 'FORMAT' },
    );
  next();
}
