/**
 * Field schemas that several parts of the contract share (the bounds come from limits.ts).
 * Not re-exported by schemas.ts: they are building blocks, not messages.
 */
import { z } from 'zod';
import { LIMITS } from './limits';

export const shortText = z.string().max(LIMITS.shortTextChars);
export const url = z.string().max(LIMITS.urlChars);
export const isoInstant = z.iso.datetime({ offset: true });
