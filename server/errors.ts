import type { ApiError, ApiErrorCode } from '../utils/contract/schemas';

/** One failing field, e.g. `{ path: 'ticket.email', message: 'Invalid email address' }`. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * A refusal the server chose to answer (the client's fault, or a full store or a busy server that
 * the client should retry later): the global error handler turns it into its JSON answer.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 408 | 413 | 415 | 422 | 429 | 503 | 507,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: Issue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The most issues one answer lists: enough to fix a request, not a megabyte of JSON. */
export const MAX_ISSUES = 50;

/** The JSON body of an error answer (ApiErrorSchema). */
export function errorBody(code: ApiErrorCode, message: string, issues?: Issue[]): ApiError {
  return { error: { code, message, ...(issues && issues.length > 0 ? { issues: issues.slice(0, MAX_ISSUES) } : {}) } };
}
