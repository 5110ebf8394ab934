/**
 * Reads the error fields out of a failed call's body excerpt: Meta's Graph API answers
 * `{error: {message, type, code, error_subcode, fbtrace_id}}`, Google's
 * `{error: {code, message, errors: [{reason}]}}`; an app's own API may put them at the top level.
 * The excerpt is cut at LIMITS.bodyExcerptBytes and scrubbed, so it may not parse: the fields
 * are then read with patterns, which is enough for numbers, short words and key presence.
 */

export interface ErrorFields {
  code?: number;
  subcode?: number;
  type?: string;
  message?: string;
  reasons: string[];
  /** The parsed body (undefined when the excerpt did not parse). */
  json?: unknown;
  /** The raw excerpt, for key-presence checks when it did not parse. */
  raw: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const toInt = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
};

/** The error fields of a body excerpt; empty fields when there is nothing to read. */
export function readErrorFields(body: string | undefined): ErrorFields {
  const raw = body ?? '';
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : undefined;
  } catch {
    json = undefined;
  }
  if (isObject(json)) {
    const error = isObject(json.error) ? json.error : json;
    const errors = Array.isArray(error.errors) ? error.errors : [];
    // `{"error": "CARD_DECLINED"}`: a bare error word says what happened when no message does.
    const message = [error.message, error.error_user_msg, json.message, json.error].find((m) => typeof m === 'string') as
      | string
      | undefined;
    return {
      code: toInt(error.code),
      subcode: toInt(error.error_subcode),
      type: typeof error.type === 'string' ? error.type : undefined,
      message,
      reasons: errors.flatMap((e) => (isObject(e) && typeof e.reason === 'string' ? [e.reason] : [])),
      json,
      raw,
    };
  }
  // A cut excerpt: the first occurrence of each field (Meta's and Google's come early).
  const number = (key: string) => toInt(new RegExp(`"${key}"\\s*:\\s*"?(\\d+)`).exec(raw)?.[1]);
  const word = (key: string) => new RegExp(`"${key}"\\s*:\\s*"([^"]{1,200})"`).exec(raw)?.[1];
  return {
    code: number('code'),
    subcode: number('error_subcode'),
    type: word('type'),
    message: word('message'),
    reasons: [...raw.matchAll(/"reason"\s*:\s*"([^"]{1,100})"/g)].map((m) => m[1]!),
    raw,
  };
}

/** Whether a dotted path (`error.fbtrace_id`) is present in the body. */
export function hasPath(fields: ErrorFields, path: string): boolean {
  if (fields.json === undefined) return fields.raw.includes(`"${path.split('.').at(-1)}"`);
  let node: unknown = fields.json;
  for (const key of path.split('.')) {
    if (!isObject(node) || !(key in node)) return false;
    node = node[key];
  }
  return true;
}
