import type { PromiseText } from '../../utils/response-time/promise-text';

/**
 * The lines of a promise's text, as both the live banner and the sent promise show them (the
 * class names are the popup stylesheet's .response-banner rules).
 */
export function PromiseLines({ text }: { text: PromiseText }) {
  return (
    <>
      <p className="response-banner__headline">{text.headline}</p>
      <p className="response-banner__detail">{text.detail}</p>
      {text.clockStarts && <p className="response-banner__clock-starts">{text.clockStarts}</p>}
      {text.staleNote && <p className="response-banner__stale">{text.staleNote}</p>}
    </>
  );
}
