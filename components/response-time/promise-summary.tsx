import type { Locale, ResponsePromise } from '../../utils/contract/schemas';
import { RESPONSE_TIME_MESSAGES } from '../../utils/i18n/response-time';
import { describePromise } from '../../utils/response-time/promise-text';
import { PromiseLines } from './promise-lines';

/** The promise made when the ticket was sent, repeated on the confirmation. */
export function PromiseSummary({ promise, locale, timeZone }: { promise: ResponsePromise; locale: Locale; timeZone: string }) {
  // What was promised at sending time: whether that status is still fresh is beside the point.
  const text = { ...describePromise(promise, { locale, timeZone, now: new Date(), moment: 'after' }), staleNote: undefined };
  return (
    <section
      className="response-banner"
      data-case={promise.case}
      data-testid="sent-promise"
      aria-label={RESPONSE_TIME_MESSAGES[locale].responseTimeLabel}
    >
      <PromiseLines text={text} />
    </section>
  );
}
