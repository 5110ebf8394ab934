/**
 * The form as a customer reads it, in English, the customer's clock in Vancouver: true
 * (checklist, counts, one promise sentence, the outbox's own state), short and plain at 360 px,
 * and support's answer reaching the badge and "My tickets" with the popup closed.
 */
import { describeFormTruth } from './form-truth-suite';

describeFormTruth('en', 'the form tells the truth (English)');
