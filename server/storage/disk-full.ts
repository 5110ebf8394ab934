/**
 * A full disk (SQLITE_FULL, or ENOSPC from the file system) is not a server bug: the client is
 * told to come back later, exactly as when the storage budget is spent, instead of a bare 500.
 * Nothing needs a restart: SQLite rolled the transaction back, and the next write succeeds once
 * there is room again.
 */
import { ApiFailure } from '../errors';

/** What a full disk asks the client to wait: shorter than a spent budget, the disk may be freed soon. */
export const DISK_FULL_RETRY_SECONDS = 300;

export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_WRITE';
}

export function diskFullFailure(): ApiFailure {
  return new ApiFailure(507, 'storage_full', 'The support server is out of disk space; retry later', undefined, {
    'Retry-After': String(DISK_FULL_RETRY_SECONDS),
  });
}
