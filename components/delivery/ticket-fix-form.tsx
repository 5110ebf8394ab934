import { useId, useState, type FormEvent } from 'react';
import type { Locale } from '../../utils/contract/schemas';
import { updateRecord, type OutboxRecord } from '../../utils/delivery/outbox';
import { applyFix } from '../../utils/delivery/outbox-fix';
import { sendMessage } from '../../utils/extension/messaging';
import { DELIVERY_MESSAGES } from '../../utils/i18n/delivery';
import { format, formatBytes } from '../../utils/i18n/format';

/**
 * Lets the customer correct a ticket the API refused: what they typed, and which screenshots
 * to send. Saved into the outbox under the same key, then handed back to the worker.
 */
export function TicketFixForm({ record, locale, onDone }: { record: OutboxRecord; locale: Locale; onDone: () => void }) {
  const t = DELIVERY_MESSAGES[locale];
  const id = useId();
  const [email, setEmail] = useState(record.ticket.email);
  const [description, setDescription] = useState(record.ticket.description);
  const [keep, setKeep] = useState(() => record.ticket.screenshots.map((_, index) => index));
  const [invalid, setInvalid] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fixed = applyFix(record, { email, description, keepScreenshots: keep }, Date.now());
    if (!fixed.ok) return setInvalid(true);
    await updateRecord(record.key, () => fixed.record);
    await sendMessage('retryTicket', { key: record.key }).catch(() => {});
    onDone();
  };

  return (
    <form className="ticket-fix" onSubmit={submit} noValidate aria-label={t.fixTitle} data-testid="ticket-fix">
      <label htmlFor={`${id}-email`}>{t.fixEmail}</label>
      <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={invalid} />
      <label htmlFor={`${id}-description`}>{t.fixDescription}</label>
      <textarea
        id={`${id}-description`}
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        aria-invalid={invalid}
      />
      {record.ticket.screenshots.map((shot, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: screenshot N is the ticket's Nth (what `keep` holds); the list never reorders.
        <label key={index} className="ticket-fix__shot">
          <input
            type="checkbox"
            checked={keep.includes(index)}
            onChange={(e) =>
              setKeep((list) => (e.target.checked ? [...list, index].sort((a, b) => a - b) : list.filter((i) => i !== index)))
            }
          />
          {format(t.fixKeepScreenshot, { number: index + 1, size: formatBytes(shot.bytes, locale) })}
        </label>
      ))}
      {invalid && (
        <p className="field-error" role="alert">
          {t.fixInvalid}
        </p>
      )}
      <div className="delivery__actions">
        <button type="submit">{t.fixSend}</button>
        <button type="button" onClick={onDone}>
          {t.fixCancel}
        </button>
      </div>
    </form>
  );
}
