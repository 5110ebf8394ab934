import type { Locale, ResponsePromise } from '../../utils/contract/schemas';
import { describePromise } from '../../utils/response-time/promise-text';

/** The promise made when the ticket was sent, repeated on the confirmation. */
export function PromiseSummary({ promise, locale, timeZone }: { promise: ResponsePromise; locale: Locale; timeZone: string }) {
  const text = describePromise(promise, { locale, timeZone, now: new Date() });
  return (
    <section className="response-banner" data-case={promise.case} data-testid="sent-promise" aria-label={locale === 'fr' ? 'Délai de réponse attendu' : 'Expected response time'}>
      <p className="response-banner__headline">{text.headline}</p>
      <p className="response-banner__detail">{text.detail}</p>
      {text.clockStarts && <p className="response-banner__clock-starts">{text.clockStarts}</p>}
    </section>
  );
}
