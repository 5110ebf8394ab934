import { useEffect, useMemo, useRef, useState } from 'react';
import type { Category } from '../../utils/contract/schemas';
import { watchCatalogue, type LoadedCatalogue } from '../../utils/delivery/known-problems-client';
import type { LoadedSupportStatus } from '../../utils/delivery/support-status';
import { STATUS_REFRESH_MS } from '../../utils/extension/build-env';
import { categoryHint } from '../../utils/known-problems/category-hint';
import { incidentFor } from '../../utils/known-problems/incident';
import { matchKnownProblem, type ProblemMatch } from '../../utils/known-problems/match';
import type { TicketDraftState } from '../form/use-ticket-draft';

export interface KnownProblemState {
  match?: ProblemMatch;
  /** Support's incident for the problem's platform, with its message. */
  incident?: { message?: string };
  /** The apiUrl, for "That solved it". */
  apiUrl: string;
}

/**
 * The known problem of the open form: support's catalogue (the cached or bundled copy at once,
 * then the API's, refreshed like the support status), matched against what was captured. Once
 * the form is filled, a new ticket's category is pre-selected from the match, else from what
 * was captured (utils/known-problems/category-hint.ts), and the match is attached to the ticket;
 * the customer can change the category. A restored draft keeps the customer's own choices.
 */
export function useKnownProblem(apiUrl: string, draft: TicketDraftState, support: LoadedSupportStatus): KnownProblemState {
  const [loaded, setLoaded] = useState<LoadedCatalogue>();
  useEffect(() => watchCatalogue(apiUrl, setLoaded, { intervalMs: STATUS_REFRESH_MS }), [apiUrl]);

  const { captured, ready, notice, suggest } = draft;
  const match = useMemo(
    () => (loaded && captured ? matchKnownProblem(loaded.catalogue, captured.diagnostics.entries, captured.context.url) : undefined),
    [loaded, captured],
  );

  // Pre-selection, once per opened form, when both the capture and a catalogue are there.
  const suggested = useRef(false);
  useEffect(() => {
    if (suggested.current || !ready || !loaded || !captured) return;
    suggested.current = true;
    if (notice === 'restored') return;
    const category: Category | undefined = match?.problem.category ?? categoryHint(captured.diagnostics.entries);
    // Only over the default: a category the customer already picked stays theirs.
    suggest((current) => ({
      ...(category && current.category === 'other' ? { category } : {}),
      ...(match ? { knownProblem: { id: match.problem.id, matched: match.matched } } : {}),
    }));
  }, [ready, loaded, captured, match, notice, suggest]);

  const incident = match ? incidentFor(match.problem, support.status) : undefined;
  return { match, incident, apiUrl };
}
