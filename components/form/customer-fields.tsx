import type { RefObject } from 'react';
import type { DrawContext, Locale } from '../../utils/contract/schemas';
import { looksLikeLink } from '../../utils/form/completeness';
import type { DraftFields } from '../../utils/form/drafts';
import { FORM_MESSAGES } from '../../utils/i18n/form';
import { Field } from './field';
import type { FieldErrors } from './use-send-ticket';

export interface CustomerFieldsProps {
  fields: DraftFields;
  onChange: (patch: Partial<DraftFields>) => void;
  /** What the contract refused when the customer asked for the review. */
  errors: FieldErrors;
  /** What the page told; undefined until the diagnosis is in. */
  context: DrawContext | undefined;
  /** The form is filled: the page's facts are known, so it is known which ones to ask for. */
  ready: boolean;
  refs: { description: RefObject<HTMLTextAreaElement | null>; email: RefObject<HTMLInputElement | null> };
  locale: Locale;
}

/**
 * What the customer writes: the description and the e-mail, and, where the page did not say
 * (a general ticket, or a page without them), the draw link and the giveaway's account.
 */
export function CustomerFields({ fields, onChange, errors, context, ready, refs, locale }: CustomerFieldsProps) {
  const t = FORM_MESSAGES[locale];
  const accountKind = context?.platform ?? 'unknown';
  const askDrawLink = ready && !context?.url;
  const askAccount = ready && !context?.pageOrUsername;
  const drawLinkInvalid = fields.drawLink.trim() !== '' && !looksLikeLink(fields.drawLink);

  return (
    <>
      <Field label={t.description} hint={t.descriptionHint} error={errors.description && t.errors.description} checked>
        {(control) => (
          <textarea
            {...control}
            ref={refs.description}
            rows={5}
            value={fields.description}
            onChange={(e) => onChange({ description: e.target.value })}
          />
        )}
      </Field>

      <Field label={t.email} hint={t.emailHint} error={errors.email && t.errors.email} checked>
        {(control) => (
          <input
            {...control}
            ref={refs.email}
            type="email"
            autoComplete="email"
            value={fields.email}
            onChange={(e) => onChange({ email: e.target.value })}
          />
        )}
      </Field>

      {askDrawLink && (
        <Field label={t.drawLink} hint={t.drawLinkHint} hintError={drawLinkInvalid ? t.drawLinkInvalid : undefined} checked>
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              value={fields.drawLink}
              onChange={(e) => onChange({ drawLink: e.target.value })}
            />
          )}
        </Field>
      )}
      {askAccount && (
        <Field label={t.accountName[accountKind]} hint={t.accountNameHint}>
          {(control) => (
            <input {...control} type="text" value={fields.pageOrUsername} onChange={(e) => onChange({ pageOrUsername: e.target.value })} />
          )}
        </Field>
      )}
    </>
  );
}
