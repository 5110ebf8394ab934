/**
 * Where a validated ticket is written. The write is the slow part of an upload: a commit with
 * `synchronous=FULL` waits for the disk (fsync), and better-sqlite3 is synchronous, so on the
 * event loop it held every other request (`GET /v1/status`) for 8–45 ms per 1 MiB ticket (WAL
 * checkpoints included). `startApi` therefore writes through a thread of its own
 * (./writer-thread.ts); the inline writer is for apps built without a socket, such as the tests
 * that inject colliding references (a function cannot cross to another thread).
 */
import type { CreateOutcome, NewTicket, SupportDb } from '../db';
import { newAccessToken, newReference, newTicketId, sha256 } from '../ids';

/** A ticket to store: everything `SupportDb.createTicket` needs but the identity maker. */
export type TicketToWrite = Omit<NewTicket, 'makeIdentity'>;

export interface TicketWriter {
  /** Resolves once the ticket is committed (on disk) or its key's first answer is found. */
  create(input: TicketToWrite): Promise<CreateOutcome>;
}

/** Ids, a reference of the asked length and the access token with its hash (stored instead of the token). */
export function identityMaker(makeReference: (length: number) => string = newReference): NewTicket['makeIdentity'] {
  return (referenceLength) => {
    const accessToken = newAccessToken();
    return { id: newTicketId(), reference: makeReference(referenceLength), accessToken, accessTokenHash: sha256(accessToken) };
  };
}

/** Writes on the calling thread. */
export function inlineTicketWriter(db: SupportDb, makeReference?: (length: number) => string): TicketWriter {
  const makeIdentity = identityMaker(makeReference);
  return { create: async (input) => db.createTicket({ ...input, makeIdentity }) };
}
