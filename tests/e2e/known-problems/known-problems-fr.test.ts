/**
 * Known problems in French: every seeded family's fixture page brings up its own fix in
 * French; "That solved it" counts one deflection and sends nothing; "I still need help" sends a
 * ticket whose first entry is the page's alert() word for word.
 */
import { describe, it } from 'vitest';
import { KNOWN_PROBLEM_FAMILIES } from '../../fixtures/known-problem-pages';
import { useStack } from '../support/stack';
import { expectNotice, openOnFamily, solvedIt, stillNeedHelp } from './known-problems-walk';

const stack = useStack({ locale: 'fr' });

describe('problèmes connus (français)', () => {
  it('montre à chaque famille sa solution, la catégorie présélectionnée', async () => {
    for (const family of Object.keys(KNOWN_PROBLEM_FAMILIES)) {
      const { page, form } = await openOnFamily(stack, family, 'fr');
      await expectNotice(form, family, 'fr');
      await Promise.all([form.close(), page.close()]);
    }
  });

  it('« C’est réglé » n’envoie aucune demande et compte une déviation', () => solvedIt(stack, 'youtube', 'fr'));

  it('« J’ai encore besoin d’aide » enregistre la demande avec le problème, la catégorie et l’alerte mot pour mot', () =>
    stillNeedHelp(stack, 'meta-session', 'fr'));
});
