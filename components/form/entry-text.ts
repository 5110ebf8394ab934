import type { DiagnosticEntry } from '../../utils/contract/schemas';

/** One raw entry, as support will read it (shown only under "Technical details"). */
export function entryText(entry: DiagnosticEntry): string {
  const times = entry.count > 1 ? ` ×${entry.count}` : '';
  switch (entry.kind) {
    case 'shown':
      return `shown (${entry.via}): ${entry.message}${times}`;
    case 'console':
      return `console.${entry.level}: ${entry.message}${times}`;
    case 'network':
      return `${entry.api} ${entry.method} ${entry.url} → ${entry.status || 'failed'}${times}${entry.body ? ` — ${entry.body}` : ''}`;
    case 'resource':
      return `${entry.tag} ${entry.url}: ${entry.message}${times}`;
    case 'csp':
      return `CSP ${entry.directive}: ${entry.blockedUrl}${times}`;
    default:
      return `${entry.kind}: ${entry.message}${times}`;
  }
}
