/**
 * The known-problem catalogue's shape: support's list of problems that have a known fix, each
 * with the matchers that recognise it in what the extension captured. Data, not code: the
 * extension bundles a copy (seed-catalogue.json), the API serves the current one
 * (`GET /v1/known-problems`) and support replaces it (`PUT`), all validated by these schemas.
 *
 * A problem fires when ANY of its matchers fires; a matcher fires when ALL its fields match one
 * captured entry. Problems are tried in catalogue order, so a specific entry (code 190 with
 * subcode 459) is listed before a general one (code 190).
 */
import { z } from 'zod';
import { CategorySchema } from '../contract/schemas';

/** The ticket's `knownProblem.id` rule (utils/contract/ticket.ts). */
export const ProblemIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** A regular expression's source, applied case-insensitively; refused when it does not compile. */
const Pattern = z
  .string()
  .min(1)
  .max(300)
  .refine(
    (source) => {
      try {
        new RegExp(source, 'i');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  );

/** A number, or an inclusive range such as Meta's permission codes 200–299. */
const CodeSchema = z.union([z.number().int(), z.object({ min: z.number().int(), max: z.number().int() }).strict()]);
const Codes = z.array(CodeSchema).min(1).max(50);
const Words = z.array(z.string().min(1).max(100)).min(1).max(20);

/**
 * A failed call: its HTTP status, URL, and the fields of its JSON error body as Meta
 * (`error.code`, `error.error_subcode`, `error.type`) and Google (`error.errors[].reason`) send them.
 */
export const NetworkMatcherSchema = z
  .object({
    on: z.literal('network'),
    status: Codes.optional(),
    url: Pattern.optional(),
    /** The call went to the page's own origin or to an osortoo.com host (the app's own API). */
    ownApi: z.boolean().optional(),
    code: Codes.optional(),
    subcode: Codes.optional(),
    /** `error.subcode` absent (a bare code 190 is "expired session"; its subcodes say more). */
    noSubcode: z.boolean().optional(),
    type: Words.optional(),
    reason: Words.optional(),
    /** Dotted paths that must be present in the error body, e.g. `error.fbtrace_id` (Meta's). */
    has: z.array(z.string().min(1).max(100)).min(1).max(5).optional(),
    /** Against `error.message` (or `error.error_user_msg`), else the body excerpt. */
    message: Pattern.optional(),
  })
  .strict();

/** A console error or warning, or a message the page showed (alert, confirm, error UI). */
export const TextMatcherSchema = z.object({ on: z.enum(['console', 'shown']), message: Pattern }).strict();

export const MatcherSchema = z.discriminatedUnion('on', [NetworkMatcherSchema, TextMatcherSchema]);
export type Matcher = z.infer<typeof MatcherSchema>;

const Text = (max: number) => z.object({ fr: z.string().min(1).max(max), en: z.string().min(1).max(max) }).strict();
const Steps = z.array(z.string().min(1).max(400)).min(1).max(8);
const HttpsUrl = z.url({ protocol: /^https$/ }).max(500);

export const KnownProblemSchema = z
  .object({
    id: ProblemIdSchema,
    /** The platform it concerns: an incident support announced for it is mentioned in the notice. */
    platform: z.enum(['facebook', 'instagram', 'youtube']).optional(),
    category: CategorySchema,
    matchers: z.array(MatcherSchema).min(1).max(20),
    title: Text(120),
    explanation: Text(600),
    steps: z.object({ fr: Steps, en: Steps }).strict(),
    help: z.object({ fr: HttpsUrl, en: HttpsUrl }).strict(),
    /** Whether the customer can fix it alone (else the notice says support or time is needed). */
    customerCanFix: z.boolean(),
    /** What support can answer, in the ticket's language. */
    reply: Text(2000),
  })
  .strict();
export type KnownProblem = z.infer<typeof KnownProblemSchema>;

export const CatalogueSchema = z
  .object({
    /** When support last changed it (the seed's is the commit's day). */
    updatedAt: z.iso.datetime({ offset: true }),
    problems: z.array(KnownProblemSchema).max(200),
  })
  .strict()
  .superRefine((catalogue, ctx) => {
    const seen = new Set<string>();
    catalogue.problems.forEach((problem, i) => {
      if (seen.has(problem.id)) ctx.addIssue({ code: 'custom', path: ['problems', i, 'id'], message: `duplicate id ${problem.id}` });
      seen.add(problem.id);
    });
  });
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** `POST /v1/deflections`: "That solved it" for one problem, nothing else. */
export const DeflectionSchema = z.object({ problemId: ProblemIdSchema }).strict();

/** `GET /v1/stats`: per week (its Monday, UTC) and known problem, counts only. */
export const ProblemStatsSchema = z.object({
  weeks: z.array(
    z.object({
      week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      problemId: ProblemIdSchema,
      tickets: z.number().int().nonnegative(),
      deflections: z.number().int().nonnegative(),
    }),
  ),
});
export type ProblemStats = z.infer<typeof ProblemStatsSchema>;
