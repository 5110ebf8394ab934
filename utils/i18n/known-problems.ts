/**
 * The known-problem notice above the description (components/known-problems/), and the review's
 * label for a matched known problem. The
 * problem's own title, explanation and steps come from support's catalogue (utils/known-problems/).
 */
import type { Translation } from './format';

const en = {
  /** The notice's heading: `{title}` is the catalogue's title. */
  heading: 'Known problem: {title}',
  stepsTitle: 'How to fix it',
  /** The customer cannot fix it alone. */
  needsTime: 'This one does not depend on you: it passes with time, or we handle it.',
  helpLink: 'Read the help article',
  /** Support announced an incident for this platform; `{message}` is support's own message. */
  incident: 'Support has announced an incident on this platform: {message}',
  incidentNoMessage: 'Support has announced an incident on this platform.',
  solved: 'That solved it',
  stillNeedHelp: 'I still need help',
  /** After "That solved it": nothing was sent but an anonymous count. */
  thanks: 'Glad it is solved. Nothing was sent; you can close this window.',
  /** After "I still need help". */
  continueBelow: 'Describe what happened below: your ticket will say which fix you tried.',
  /** The review's label for the matched problem. */
  reviewLabel: 'Known problem',
};

const fr: Translation<typeof en> = {
  heading: 'Problème connu\u00a0: {title}',
  stepsTitle: 'Comment le résoudre',
  needsTime: 'Celui-ci ne dépend pas de vous\u00a0: il passe avec le temps, ou nous nous en chargeons.',
  helpLink: 'Lire l’article d’aide',
  incident: 'Le support a annoncé un incident sur cette plateforme\u00a0: {message}',
  incidentNoMessage: 'Le support a annoncé un incident sur cette plateforme.',
  solved: 'C’est réglé',
  stillNeedHelp: 'J’ai encore besoin d’aide',
  thanks: 'Tant mieux\u00a0! Rien n’a été envoyé\u00a0; vous pouvez fermer cette fenêtre.',
  continueBelow: 'Décrivez ce qui s’est passé ci-dessous\u00a0: votre demande indiquera la solution essayée.',
  reviewLabel: 'Problème connu',
};

export const KNOWN_PROBLEM_MESSAGES = { en, fr };
