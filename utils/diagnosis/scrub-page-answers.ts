/**
 * Scrubs what a page sent, in the worker, before anything reads it: every text of every
 * diagnostic entry and of the draw's context goes through the scrubber (utils/contract/scrub.ts),
 * then is cut to the contract's limit; utils/diagnosis/page-answers.ts validates what comes out,
 * and only that is handed to the form, kept in a draft or the outbox, or sent. The content script
 * sends its texts raw, only cut at their raw bound (rawTextBound in utils/extension/messaging.ts),
 * so the scrubber's time and bytes are the extension's, never the customer's tab's.
 *
 * Cut after scrubbing, never before: a start of a scrubbed text holds no secret, while a secret
 * cut in half before scrubbing may no longer be recognised (the content script's cut drops the
 * token it falls in for that reason: utils/page/raw-cut.ts). A text longer than its raw bound
 * was not sent by our content script: the entry (or the context) is refused whole, not cut.
 *
 * The text fields and their limits are read from the contract's schemas, so a text field the
 * contract gains is scrubbed without a change here.
 */
import { z } from 'zod';
import { DiagnosticEntrySchema, DrawContextSchema } from '../contract/schemas';
import { canonicalDrawUrl } from '../contract/draw-link';
import { scrubText } from '../contract/scrub';
import { rawTextBound } from '../extension/messaging';

type Fields = Record<string, unknown>;

/** The string fields of these object schemas, with their maximum length. */
function textLimits(schemas: readonly z.ZodObject[]): Map<string, number> {
  const limits = new Map<string, number>();
  for (const schema of schemas) {
    for (const [key, field] of Object.entries(schema.shape)) {
      const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
      if (inner instanceof z.ZodString && inner.maxLength !== null) limits.set(key, inner.maxLength);
    }
  }
  return limits;
}

/** Built on first use: the worker reads them at a collection, not at its start. */
let ENTRY_TEXTS: Map<string, number> | undefined;
let CONTEXT_TEXTS: Map<string, number> | undefined;

/** The text fields of the contract's diagnostic entries and their limits (for tests, too). */
export const entryTextLimits = (): Map<string, number> => (ENTRY_TEXTS ||= textLimits(DiagnosticEntrySchema.options));
/** The text fields of the contract's draw context and their limits. */
export const contextTextLimits = (): Map<string, number> => (CONTEXT_TEXTS ||= textLimits([DrawContextSchema]));

/**
 * A copy of `raw` with each text field in `limits` scrubbed, then cut to its limit (`url` made
 * the canonical draw link in a context); undefined when `raw` is not an object or a text is over
 * its raw bound. Other fields are left to the contract's validation.
 */
function scrubFields(raw: unknown, limits: Map<string, number>, isContext: boolean): Fields | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const out: Fields = { ...raw };
  for (const [key, limit] of limits) {
    const value = out[key];
    if (typeof value !== 'string') continue;
    if (value.length > rawTextBound(limit)) return undefined;
    const clean = isContext && key === 'url' ? canonicalDrawUrl(value) : scrubText(value).slice(0, limit);
    if (clean === undefined) delete out[key];
    else out[key] = clean;
  }
  return out;
}

/** One diagnostic entry as the page sent it, scrubbed and cut; undefined when it is refused. */
export const scrubEntryTexts = (raw: unknown): Fields | undefined => scrubFields(raw, entryTextLimits(), false);

/**
 * The draw's context as the page sent it, scrubbed and cut, its address made the canonical draw
 * link (utils/contract/draw-link.ts; left out when too long); undefined when it is refused.
 */
export const scrubContext = (raw: unknown): Fields | undefined => scrubFields(raw, contextTextLimits(), true);
