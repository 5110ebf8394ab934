/**
 * The contract's ticket: the JSON part of `POST /v1/tickets` (what it is about, where to reply,
 * the draw's context, the environment, the diagnostics, the screenshots' metadata and the
 * promise shown to the customer) and the multipart field names it travels in.
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { isoInstant, shortText, url } from './fields';
import { DiagnosticsSchema } from './diagnostics';
import { ResponsePromiseSchema } from './support-status';

export const CONTRACT_VERSION = 1;

/** What the ticket is about; it decides the expected response (complex cases). */
export const CategorySchema = z.enum(['api_error', 'permissions', 'billing', 'bug', 'multi_platform', 'other']);
export type Category = z.infer<typeof CategorySchema>;

export const PlatformSchema = z.enum(['facebook', 'instagram', 'youtube', 'multi']);
export type Platform = z.infer<typeof PlatformSchema>;

export const LocaleSchema = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

export const EnvironmentSchema = z.object({
  userAgent: z.string().max(1000),
  browser: z.object({ name: shortText, version: shortText }),
  engine: z.object({ name: shortText, version: shortText }),
  os: z.object({ name: shortText, version: shortText }),
  device: z.object({
    type: z.enum(['desktop', 'mobile', 'tablet', 'other']),
    vendor: shortText.optional(),
    model: shortText.optional(),
  }),
  screen: z.object({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }),
  viewport: z.object({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() }),
  devicePixelRatio: z.number().positive(),
  languages: z.array(z.string().max(35)).max(20),
  timezone: shortText,
  online: z.boolean(),
  extensionVersion: shortText,
});
export type Environment = z.infer<typeof EnvironmentSchema>;

/** What the draw page tells about the draw; empty fields are asked in the form. */
export const DrawContextSchema = z.object({
  /** The page the ticket is about (canonical, scrubbed); empty for a general ticket. */
  url: url.optional(),
  drawId: shortText.optional(),
  platform: PlatformSchema.optional(),
  /** Facebook Page name or Instagram username, as the customer or the page gives it. */
  pageOrUsername: shortText.optional(),
  /** The account e-mail the page shows, if any. */
  accountEmail: shortText.optional(),
  /** Whether the ticket was opened from an Osortoo page (false: a general ticket). */
  onOsortooPage: z.boolean(),
});
export type DrawContext = z.infer<typeof DrawContextSchema>;

export const ImageTypeSchema = z.enum(['image/png', 'image/jpeg', 'image/webp']);
export type ImageType = z.infer<typeof ImageTypeSchema>;

/** Metadata of one screenshot; its bytes travel as the multipart file part `screenshot-<index>`. */
export const ScreenshotMetaSchema = z.object({
  index: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.screenshots - 1),
  source: z.enum(['visible', 'fullpage', 'attachment']),
  type: ImageTypeSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive().max(LIMITS.screenshotBytes),
  /** True when the customer marked it up or blacked areas out (burned into the bytes). */
  edited: z.boolean(),
  /**
   * Full page only, when the page was taller than the capture's cap: the image shows the page's
   * top `capturedPx` CSS pixels out of `pagePx` (it was cut there, never silently).
   */
  cut: z
    .object({ capturedPx: z.number().int().positive(), pagePx: z.number().int().positive() })
    .refine((cut) => cut.capturedPx < cut.pagePx, { message: 'a cut keeps less than the page' })
    .optional(),
});
export type ScreenshotMeta = z.infer<typeof ScreenshotMetaSchema>;

/** The JSON part of `POST /v1/tickets`. */
export const TicketSchema = z
  .object({
    contractVersion: z.literal(CONTRACT_VERSION),
    /** Client-generated when the ticket is created; also sent as the Idempotency-Key header. */
    idempotencyKey: z.uuid(),
    createdAt: isoInstant,
    locale: LocaleSchema,
    category: CategorySchema,
    description: z.string().trim().min(1).max(LIMITS.descriptionChars),
    /** Where support replies. */
    email: z.email().max(254),
    context: DrawContextSchema,
    environment: EnvironmentSchema,
    diagnostics: DiagnosticsSchema,
    screenshots: z.array(ScreenshotMetaSchema).max(LIMITS.screenshots),
    promise: ResponsePromiseSchema.optional(),
    /**
     * A known problem of support's catalogue that the captured data matched, when the customer
     * still asked for help after reading its fix: the entry's id and what matched (a scrubbed
     * signature such as `network 400 graph.facebook.com error.code=190`).
     */
    knownProblem: z
      .object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
        matched: z.string().max(500),
      })
      .optional(),
  })
  .superRefine((ticket, ctx) => {
    ticket.screenshots.forEach((shot, i) => {
      if (shot.index !== i) {
        ctx.addIssue({ code: 'custom', path: ['screenshots', i, 'index'], message: `must be ${i}` });
      }
    });
  });
export type Ticket = z.infer<typeof TicketSchema>;
export type TicketInput = z.input<typeof TicketSchema>;

/** Multipart field names of `POST /v1/tickets`. */
export const MULTIPART = {
  ticket: 'ticket',
  screenshot: (index: number) => `screenshot-${index}`,
} as const;
