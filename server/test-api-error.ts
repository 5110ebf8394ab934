/**
 * The error of a refusal, for the API's tests. Apart from test-support.ts because it needs vitest's
 * expect, and scripts/screenshots.ts imports test-support.ts outside the test runner.
 */
import { expect } from 'vitest';
import { ApiErrorSchema } from '../utils/contract/schemas';

/** The error of a refusal: JSON, in the contract's shape (ApiErrorSchema); fails the test otherwise. */
export async function apiErrorOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return ApiErrorSchema.parse(await res.json()).error;
}
