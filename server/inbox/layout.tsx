/** @jsxImportSource hono/jsx */
/**
 * The frame of every inbox page: language, title, the one stylesheet and the one script (both
 * files under assets/, never inline: the pages' CSP allows only 'self'), and the sign-out button.
 */
import type { Child } from 'hono/jsx';
import type { Locale } from '../../utils/contract/schemas';
import type { InboxText } from '../../utils/i18n/inbox';

export function Layout(props: { locale: Locale; t: InboxText; title: string; signedIn: boolean; children: Child }) {
  const { t } = props;
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · ${t.inboxTitle}`}</title>
        <link rel="stylesheet" href="/inbox/assets/inbox.css" />
        <script src="/inbox/assets/inbox.js" defer />
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/inbox">
            {t.inboxTitle}
          </a>
          {props.signedIn && (
            <form method="post" action="/inbox/sign-out">
              <button type="submit" class="secondary">
                {t.signOut}
              </button>
            </form>
          )}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}
