import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DrawContext } from '../../utils/contract/schemas';
import type { DraftFields } from '../../utils/form/drafts';
import { CustomerFields } from './customer-fields';
import type { FieldErrors } from './use-send-ticket';

const fields: DraftFields = {
  category: 'bug',
  description: 'Le tirage plante',
  email: 'marie@',
  drawLink: '',
  pageOrUsername: '',
  leftOut: [],
};
const refs = { description: { current: null }, email: { current: null } };
const render = (over: { fields?: Partial<DraftFields>; errors?: FieldErrors; context?: DrawContext; ready?: boolean } = {}) =>
  renderToStaticMarkup(
    createElement(CustomerFields, {
      fields: { ...fields, ...over.fields },
      onChange: () => {},
      errors: over.errors ?? {},
      context: over.context ?? { onOsortooPage: false },
      ready: over.ready ?? true,
      refs,
      locale: 'en',
    }),
  );
/** Each control with its label and the paragraphs that follow it, by its id. */
const field = (html: string, label: string) => {
  const id = new RegExp(`<label for="([^"]+)">${label}</label>`).exec(html)?.[1];
  expect(id, label).toBeDefined();
  return { id: id!, control: new RegExp(`<(?:input|textarea) [^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '' };
};

describe('CustomerFields', () => {
  it('labels every control, describes it by its hint, and adds the error only once there is one', () => {
    const html = render({ errors: { email: true } });
    const description = field(html, 'Description');
    expect(description.control).toContain(`aria-describedby="${description.id}-hint"`);
    expect(description.control).toContain('aria-invalid="false"');
    expect(html).toContain(`<p id="${description.id}-hint" class="hint">Required. What happened`);
    expect(html).not.toContain(`${description.id}-error`);

    const email = field(html, 'E-mail');
    expect(email.control).toContain(`aria-describedby="${email.id}-hint ${email.id}-error"`);
    expect(email.control).toContain('aria-invalid="true"');
    expect(email.control).toContain('type="email"');
    expect(html).toContain(`<p id="${email.id}-error" class="field-error" role="alert">Enter a valid e-mail address`);
  });

  it('asks for the draw link and the account only where the page did not say, once the form is filled', () => {
    expect(render({ ready: false })).not.toContain('Draw link');
    expect(render({ context: { onOsortooPage: true, url: 'https://osortoo.com/giveaways/1', pageOrUsername: 'Marie' } })).not.toContain(
      'type="url"',
    );
    const html = render({ context: { onOsortooPage: false, platform: 'instagram' } });
    const account = field(html, 'Instagram username');
    // The account is never checked: no aria-invalid at all.
    expect(account.control).not.toContain('aria-invalid');
    expect(account.control).toContain(`aria-describedby="${account.id}-hint"`);
  });

  it('turns the draw link’s hint into the problem while the text is not a link, without an alert', () => {
    const html = render({ fields: { drawLink: 'osortoo tirage' } });
    const link = field(html, 'Draw link');
    expect(link.control).toContain('aria-invalid="true"');
    expect(html).toContain(`<p id="${link.id}-hint" class="field-error">This does not look like a link`);
    expect(html).not.toContain('role="alert"');
    const fine = render({ fields: { drawLink: 'https://osortoo.com/giveaways/8f3k2' } });
    expect(field(fine, 'Draw link').control).toContain('aria-invalid="false"');
  });
});
