import type { Locale, ResponsePromise } from '../../utils/contract/schemas';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { format } from '../../utils/i18n/format';

/**
 * "What happens next", after sending: who replies, how (acknowledgment first for complex cases),
 * where, and how to follow the ticket. The reference itself is shown by DeliveryStatus above.
 */
export function NextSteps({ promise, email, locale }: { promise: ResponsePromise; email: string; locale: Locale }) {
  const t = FORM_MESSAGES[locale];
  return (
    <section className="next-steps" aria-labelledby="next-steps-title" data-testid="next-steps">
      <h2 id="next-steps-title">{t.nextTitle}</h2>
      <ol>
        <li>{t.nextReceived}</li>
        {promise.acknowledgmentFirst && <li>{t.nextAcknowledge}</li>}
        <li>{format(t.nextReply, { email })}</li>
        <li>{t.nextFollow}</li>
      </ol>
    </section>
  );
}
