/**
 * The form as a customer reads it, in French, the customer's clock in Paris: true
 * (checklist, counts, one promise sentence, the outbox's own state), short and plain at 360 px,
 * and support's answer reaching the badge and "My tickets" with the popup closed.
 */
import { describeFormTruth } from './form-truth-suite';

describeFormTruth('fr', 'the form tells the truth (français)');
