/** Reading small JSON bodies against the contract, and the size refusals. */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ApiFailure } from '../errors';

/** Small JSON bodies (PATCH, PUT): nothing legitimate comes close. */
export const SMALL_BODY_BYTES = 16 * 1024;

export function tooLarge(max: number): ApiFailure {
  return new ApiFailure(413, 'payload_too_large', `The request body is over ${max} bytes`);
}

/** Refuses a body over SMALL_BODY_BYTES (on Content-Length first, then while streaming). */
export function smallBody(): MiddlewareHandler {
  return bodyLimit({
    maxSize: SMALL_BODY_BYTES,
    onError: () => {
      throw tooLarge(SMALL_BODY_BYTES);
    },
  });
}

export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch {
    throw new ApiFailure(400, 'validation_failed', 'The body is not valid JSON', [{ path: 'body', message: 'not valid JSON' }]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiFailure(
      400,
      'validation_failed',
      'The body does not match the contract',
      parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}
