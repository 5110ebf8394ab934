import { describe, expect, it } from 'vitest';
import { ApiErrorCodeSchema } from '../../utils/contract/schemas';
import type { OutboxRecord } from '../../utils/delivery/outbox';
import { DELIVERY_MESSAGES } from '../../utils/i18n/delivery';
import { attentionReasons, stateHeadline, waitingReason } from './delivery-text';

describe('delivery text', () => {
  it('has every API error code in both languages, each different from the other language', () => {
    for (const code of ApiErrorCodeSchema.options) {
      expect(DELIVERY_MESSAGES.en.codes[code]).toBeTruthy();
      expect(DELIVERY_MESSAGES.fr.codes[code]).not.toBe(DELIVERY_MESSAGES.en.codes[code]);
    }
  });

  it('turns a validation failure and its field issues into sentences in the customer’s language', () => {
    const failure = {
      code: 'validation_failed' as const,
      status: 400,
      message: 'Invalid ticket',
      issues: [
        { path: 'ticket.email', message: 'Invalid email address' },
        { path: 'screenshot-1', message: 'size differs from bytes' },
        { path: 'ticket.diagnostics.entries.3.url', message: 'Too big' },
        { path: 'ticket.diagnostics.entries.4.url', message: 'Too big' },
        { path: 'Idempotency-Key', message: 'not a UUID' },
      ],
    };
    expect(attentionReasons(failure, 'fr')).toEqual([
      'Certaines informations de la demande ont été refusées.',
      'L’adresse e-mail n’est pas valide.',
      'La capture d’écran n° 2 n’a pas pu être acceptée.',
      'Les diagnostics recueillis n’ont pas pu être lus.',
    ]);
    expect(attentionReasons(failure, 'en')[1]).toBe('The e-mail address is not valid.');
    // The API's English developer message is not the reason.
    expect(attentionReasons(failure, 'fr').join(' ')).not.toContain('Invalid');
  });

  it('falls back to the status for a refusal without a readable error code', () => {
    expect(attentionReasons({ code: 'http', status: 418 }, 'en')).toEqual(['Support refused the ticket (error 418).']);
  });

  it('tells the customer what to do with a ticket too slow for their connection, in both languages', () => {
    const failure = { code: 'too_slow' as const, bytes: 6 * 1024 * 1024 };
    expect(attentionReasons(failure, 'en')[0]).toMatch(/too slow to send this ticket \(6(\.\d)?\sMB\).*faster network.*Try now/);
    expect(attentionReasons(failure, 'fr')[0]).toMatch(
      /trop lente pour envoyer cette demande \(6(,\d)?\sMo\).*réseau plus rapide.*Essayer maintenant/,
    );
  });

  it('says a ticket waits because support is out of room or busy, not that it is unavailable', () => {
    expect(waitingReason({ code: 'storage_full', status: 507 }, 'en')).toMatch(/out of room.*kept/);
    expect(waitingReason({ code: 'quota_exceeded', status: 507 }, 'fr')).toMatch(/manque de place.*conservée/);
    expect(waitingReason({ code: 'busy', status: 503 }, 'en')).toMatch(/busy/);
  });

  it('says why a ticket waits', () => {
    expect(waitingReason({ code: 'network' }, 'fr')).toBe('Le support est injoignable : vous êtes peut-être hors ligne.');
    expect(waitingReason({ code: 'timeout' }, 'en')).toBe('Support did not answer in time.');
    expect(waitingReason({ code: 'http', status: 429 }, 'en')).toBe('Support asked to wait a moment before sending again.');
    expect(waitingReason({ code: 'http', status: 503 }, 'en')).toBe('Support is temporarily unavailable.');
    expect(waitingReason(undefined, 'en')).toBeUndefined();
  });

  it('gives the size being sent with the one byte formatter, in the customer’s units', () => {
    const record = { key: 'k', state: 'sending', stage: 'uploading', bytes: 1_234_567 } as OutboxRecord;
    expect(stateHeadline(record, 'fr')).toBe('Envoi de votre demande (1,2\u00a0Mo)…');
    expect(stateHeadline({ ...record, bytes: 84_300 }, 'en')).toBe('Sending your ticket (82\u00a0KB)…');
  });
});
