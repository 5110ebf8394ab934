import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, renderJsonSchemas } from '../../scripts/json-schemas';
import { TicketSchema } from './schemas';
import { sampleTicket } from '../../tests/fixtures/sample-ticket';

describe('contract', () => {
  it('has its JSON Schemas in docs/ up to date (run `npm run contract` when this fails)', () => {
    for (const [file, text] of Object.entries(renderJsonSchemas())) {
      expect(readFileSync(`${DOCS_DIR}${file}`, 'utf8'), file).toBe(text);
    }
  });

  it('accepts a complete ticket', () => {
    expect(TicketSchema.safeParse(sampleTicket()).success).toBe(true);
  });

  it('names the failing field paths', () => {
    const bad = { ...sampleTicket(), email: 'not-an-email', description: '' };
    const result = TicketSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['description', 'email']);
  });

  it('requires screenshot indexes to follow their order', () => {
    const ticket = sampleTicket();
    ticket.screenshots = [{ ...ticket.screenshots[0]!, index: 1 }];
    const result = TicketSchema.safeParse(ticket);
    expect(result.error?.issues[0]?.path).toEqual(['screenshots', 0, 'index']);
  });

  it('carries where a full-page screenshot was cut, and refuses a cut that keeps the whole page', () => {
    const ticket = sampleTicket();
    const shot = { ...ticket.screenshots[0]!, source: 'fullpage' as const };
    ticket.screenshots = [{ ...shot, cut: { capturedPx: 8000, pagePx: 27_136 } }];
    expect(TicketSchema.safeParse(ticket).success).toBe(true);
    ticket.screenshots = [{ ...shot, cut: { capturedPx: 8000, pagePx: 8000 } }];
    expect(TicketSchema.safeParse(ticket).error?.issues[0]?.path).toEqual(['screenshots', 0, 'cut']);
  });
});
