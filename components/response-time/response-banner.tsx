import { useEffect, useMemo, useState } from 'react';
import type { Category, Locale, ResponsePromise, SupportStatus } from '../../utils/contract/schemas';
import { computeResponsePromise, type StatusSource } from '../../utils/response-time/promise';
import { describePromise, type PromiseText } from '../../utils/response-time/promise-text';
import { builtinStatus } from '../../utils/response-time/schedule';
import { RESPONSE_TIME_MESSAGES } from '../../utils/i18n/response-time';
import { PromiseLines } from './promise-lines';

export interface ResponseBannerProps {
  status: SupportStatus;
  statusSource: StatusSource;
  category: Category;
  locale: Locale;
  /** The customer's IANA timezone: times are shown in it. */
  timeZone: string;
  /** A fixed clock, for previews and tests; without it the banner follows the real clock. */
  now?: Date;
}

/** Milliseconds until the next wall-clock minute, so the banner turns over with the clock. */
export function msUntilNextMinute(now: Date): number {
  return 60_000 - (now.getTime() % 60_000);
}

/** The current time, refreshed at every minute boundary while `enabled`. */
function useMinuteClock(enabled: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = new Date();
      setNow(current);
      timer = setTimeout(tick, msUntilNextMinute(current));
    };
    tick();
    return () => clearTimeout(timer);
  }, [enabled]);
  return now;
}

/** The promise's text, falling back to the built-in status if the given one cannot be used. */
export function bannerText(
  { status, statusSource, category, locale, timeZone }: Omit<ResponseBannerProps, 'now'>,
  now: Date,
): { text: PromiseText; responseCase: string } {
  let promise: ResponsePromise;
  try {
    promise = computeResponsePromise({ now, status, category, statusSource });
  } catch {
    // A status the client did not validate (e.g. an unknown timezone) must not blank the form.
    promise = computeResponsePromise({ now, status: builtinStatus(now), category, statusSource: 'builtin' });
  }
  return { text: describePromise(promise, { locale, timeZone, now }), responseCase: promise.case };
}

/**
 * What the customer can expect as an answer, shown in the ticket form: the reply window and the
 * latest expected reply in their timezone, how complex or busy periods are handled, when support
 * picks the message up if it is sent outside hours, and a note when the status may be stale.
 * Recomputed every minute and whenever a prop changes (e.g. the category). Announced politely
 * to screen readers when it changes. Presentation only: the status comes from the caller.
 */
export function ResponseBanner({ now: fixedNow, ...props }: ResponseBannerProps) {
  const clock = useMinuteClock(fixedNow === undefined);
  const now = fixedNow ?? clock;
  const time = now.getTime();
  const { status, statusSource, category, locale, timeZone } = props;
  const { text, responseCase } = useMemo(
    () => bannerText({ status, statusSource, category, locale, timeZone }, new Date(time)),
    [status, statusSource, category, locale, timeZone, time],
  );
  return (
    <section
      className="response-banner"
      data-case={responseCase}
      aria-label={RESPONSE_TIME_MESSAGES[locale].responseTimeLabel}
      aria-live="polite"
    >
      <PromiseLines text={text} />
    </section>
  );
}
