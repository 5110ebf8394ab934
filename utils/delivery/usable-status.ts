import { SupportStatusSchema, type SupportStatus } from '../contract/schemas';
import { isValidTimeZone } from '../response-time/zoned-time';

/**
 * Support's status if the response-time rules can use it, from the API or from storage alike:
 * valid per the contract, and in a timezone this runtime knows (an unknown one would make every
 * computation throw, so it is treated like any other garbage).
 */
export function parseSupportStatus(value: unknown): SupportStatus | undefined {
  const parsed = SupportStatusSchema.safeParse(value);
  if (!parsed.success || !isValidTimeZone(parsed.data.schedule.timezone)) return undefined;
  return parsed.data;
}
