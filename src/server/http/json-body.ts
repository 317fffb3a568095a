import type { MiddlewareHandler } from 'hono';
import { apiError, errorResponse } from './api-error';
import { bodySizeLimit } from './body-limit';

/** What a route behind `jsonBody` finds in `c.get('json')`: the parsed body, not yet checked. */
export type JsonBodyEnv = { Variables: { json: unknown } };

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const TEXT_TYPE = /^text\/plain\s*(;|$)/i;

/**
 * The one reader of JSON request bodies (checkout, likes). In this order, each refusal an API
 * error: a body over `maxBytes` is `body_too_large` (413, before anything of it is read, and the
 * connection closed: body-limit.ts); a Content-Type other than application/json is
 * `unsupported_media_type` (415); a body that is not JSON is `malformed_json` (400). The route
 * then finds the parsed value in `c.get('json')` and checks its shape with its own schema.
 *
 * @example app.post('/api/likes/:productId', jsonBody({ maxBytes: 1024, what: 'the like' }), (c) => c.json(c.get('json')))
 */
export function jsonBody(options: {
  readonly maxBytes: number;
  /** What to send, for the 415 message: "the cart". */
  readonly what: string;
  /**
   * Take `text/plain` too: the type `navigator.sendBeacon` can carry to another origin without
   * a preflight (events/route.ts). https://fetch.spec.whatwg.org/#cors-safelisted-request-header
   */
  readonly textPlain?: boolean;
}): MiddlewareHandler<JsonBodyEnv> {
  const limit = bodySizeLimit({
    maxSize: options.maxBytes,
    onError: (c) => errorResponse(c, apiError('body_too_large', `The request is larger than ${options.maxBytes} bytes.`)),
  });
  return async (c, next) => {
    let refusal: Response | undefined;
    const tooLarge = await limit(c, async () => {
      const type = c.req.header('Content-Type') ?? '';
      if (!JSON_TYPE.test(type) && !(options.textPlain && TEXT_TYPE.test(type))) {
        refusal = errorResponse(c, apiError('unsupported_media_type', `Send ${options.what} as application/json.`));
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(await c.req.text());
      } catch {
        refusal = errorResponse(c, apiError('malformed_json', 'The request body is not valid JSON.'));
        return;
      }
      c.set('json', json);
      await next();
    });
    return tooLarge ?? refusal;
  };
}
