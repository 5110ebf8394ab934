import type { PromiseText } from '../../utils/response-time/promise-text';

/**
 * The lines of a promise's text, as both the live banner and the sent promise show them (the
 * class names are the popup stylesheet's .response-banner rules): the one-sentence promise, then
 * how busy periods or complex cases are handled, when they apply.
 */
export function PromiseLines({ text }: { text: PromiseText }) {
  return (
    <>
      <p className="response-banner__headline" data-testid="promise-sentence">
        {text.headline}
      </p>
      {text.detail && <p className="response-banner__detail">{text.detail}</p>}
      {text.staleNote && <p className="response-banner__stale">{text.staleNote}</p>}
    </>
  );
}
