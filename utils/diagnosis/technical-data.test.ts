import { describe, expect, it } from 'vitest';
import { EnvironmentSchema } from '../contract/schemas';
import { SAMPLE_ENVIRONMENT } from '../../tests/fixtures/sample-environment';
import { withheldEnvironment } from './technical-data';

describe('withheldEnvironment: the ticket without Firefox technical data', () => {
  it('keeps nothing about the browser, system, device or screen, and stays a valid environment', () => {
    const withheld = withheldEnvironment(SAMPLE_ENVIRONMENT);
    expect(EnvironmentSchema.parse(withheld)).toEqual(withheld);
    const text = JSON.stringify(withheld);
    for (const value of [
      SAMPLE_ENVIRONMENT.userAgent,
      SAMPLE_ENVIRONMENT.browser.name,
      SAMPLE_ENVIRONMENT.os.name,
      SAMPLE_ENVIRONMENT.timezone,
    ]) {
      expect(text).not.toContain(value);
    }
    expect(withheld.screen).toEqual({ width: 0, height: 0 });
    expect(withheld.viewport).toEqual({ width: 0, height: 0 });
    expect(withheld.languages).toEqual([]);
    expect(withheld.extensionVersion).toBe(SAMPLE_ENVIRONMENT.extensionVersion);
  });
});
