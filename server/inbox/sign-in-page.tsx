/** @jsxImportSource hono/jsx */
/** The sign-in form: one field, "Support token"; a refusal says why in the agent's language. */
import type { Locale } from '../../utils/contract/schemas';
import type { InboxText } from '../../utils/i18n/inbox';
import { Layout } from './layout';

export function SignInPage(props: { locale: Locale; t: InboxText; message?: string; error?: string }) {
  const { t } = props;
  return (
    <Layout locale={props.locale} t={t} title={t.signIn} signedIn={false}>
      <section class="sign-in">
        <h1>{t.signInTitle}</h1>
        {props.message && <p>{props.message}</p>}
        <form method="post" action="/inbox/sign-in">
          <label for="token">{t.supportToken}</label>
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            required
            maxlength={512}
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'token-error' : undefined}
          />
          {props.error && (
            <p id="token-error" class="field-error" role="alert">
              {props.error}
            </p>
          )}
          <button type="submit">{t.signIn}</button>
        </form>
      </section>
    </Layout>
  );
}
