import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { apiError, errorResponse } from './api-error';

/**
 * `app.onError`: what a route throws that it did not expect (a bug, a store or runtime part
 * failing) becomes `{ error: { code: 'internal_error', message } }` with status 500, so callers
 * always get the API's JSON shape and never a stack trace; the log has the error with its
 * route. An HTTPException (Hono's own middleware throws them) keeps the answer it carries.
 * https://hono.dev/docs/api/exception
 */
export const unexpectedError: ErrorHandler = (error, c) => {
  if (error instanceof HTTPException) return error.getResponse();
  console.error(`[fanshop] ${c.req.method} ${c.req.routePath} failed:`, error);
  return errorResponse(c, apiError('internal_error', 'The shop’s server failed; try again.'));
};
