import { describe, expect, it } from 'vitest';
import type { SupportStatus } from '../contract/schemas';
import { incidentFor } from './incident';
import { SEED_CATALOGUE } from './seed';

const problem = (id: string) => SEED_CATALOGUE.problems.find((p) => p.id === id)!;
const status = (mode: SupportStatus['mode'], message?: string) =>
  ({
    mode,
    message,
    updatedAt: '2026-12-01T10:00:00Z',
    schedule: { timezone: 'America/Toronto', week: [], closedDays: [] },
  }) as unknown as SupportStatus;

describe('incidentFor', () => {
  it("says support's message when the incident names the problem's platform, or no platform", () => {
    expect(incidentFor(problem('instagram-account-type'), status('incident', 'Instagram API outage'))).toEqual({
      message: 'Instagram API outage',
    });
    expect(incidentFor(problem('meta-rate-limit'), status('incident', 'Panne de l’API Meta'))).toEqual({ message: 'Panne de l’API Meta' });
    expect(incidentFor(problem('youtube-quota-exceeded'), status('incident', 'Slow draws'))).toEqual({ message: 'Slow draws' });
    expect(incidentFor(problem('youtube-quota-exceeded'), status('incident'))).toEqual({});
  });

  it('is silent for another platform, outside an incident, and for problems of no platform', () => {
    expect(incidentFor(problem('youtube-quota-exceeded'), status('incident', 'Instagram API outage'))).toBeUndefined();
    expect(incidentFor(problem('meta-rate-limit'), status('peak', 'Facebook slow'))).toBeUndefined();
    expect(incidentFor(problem('payment-failed'), status('incident', 'Stripe outage'))).toBeUndefined();
  });
});
