/**
 * Whether support's announced incident concerns a known problem's platform. Support's status
 * has a mode and a free message, no platform field: an incident whose message names a platform
 * concerns that platform ("Meta" and "Facebook" cover Instagram too, whose API is Meta's); one
 * whose message names none is taken to concern every platform, since support did not say.
 */
import type { SupportStatus } from '../contract/schemas';
import type { KnownProblem } from './schema';

const NAMES: Record<NonNullable<KnownProblem['platform']>, RegExp> = {
  facebook: /\b(facebook|meta)\b/i,
  instagram: /\b(instagram|facebook|meta)\b/i,
  youtube: /\b(youtube|google)\b/i,
};

/** The incident that concerns `problem`, with support's message, or undefined. */
export function incidentFor(problem: KnownProblem, status: SupportStatus): { message?: string } | undefined {
  if (status.mode !== 'incident' || !problem.platform) return undefined;
  const message = status.message?.trim() || undefined;
  if (!message) return {};
  const namesAny = Object.values(NAMES).some((name) => name.test(message));
  return !namesAny || NAMES[problem.platform].test(message) ? { message } : undefined;
}
