/** @jsxImportSource hono/jsx */
/**
 * Ticket text with the scrubber's markers (`[removed: …]`, utils/contract/scrub.ts) made visible,
 * so an agent knows a value was there and was removed in the customer's browser. Everything is
 * rendered as text: JSX escapes it, and nothing here builds HTML from a string.
 */
const MARKER = /\[removed: [^\]\n]{1,60}\]/g;

export function ScrubbedText(props: { text: string; title: string }) {
  const parts: (string | { marker: string })[] = [];
  let last = 0;
  for (const match of props.text.matchAll(MARKER)) {
    if (match.index > last) parts.push(props.text.slice(last, match.index));
    parts.push({ marker: match[0] });
    last = match.index + match[0].length;
  }
  if (last < props.text.length) parts.push(props.text.slice(last));
  return (
    <>
      {parts.map((part) =>
        typeof part === 'string' ? (
          part
        ) : (
          <mark class="scrubbed" title={props.title}>
            {part.marker}
          </mark>
        ),
      )}
    </>
  );
}

/** Whether a text holds a scrubber marker (the page then explains the highlight once). */
export const hasScrubbed = (text: string) => /\[removed: /.test(text);
