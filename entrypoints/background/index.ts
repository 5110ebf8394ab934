import { defineBackground } from 'wxt/utils/define-background';
import { registerToolbar } from './toolbar';
import { registerCollect } from './collect';
import { registerBadge } from './badge';
import { registerDelivery } from './delivery';
import { registerTicketStatus } from './ticket-status';
import { openWorkerDoors } from './testing/worker-doors';

/** The worker only wires modules that each own one job. */
export default defineBackground(() => {
  registerToolbar();
  registerCollect();
  registerBadge();
  registerDelivery();
  registerTicketStatus();
  // e2e build only (test-doors.d.ts): the other builds compile the doors away.
  if (__TEST_DOORS__) openWorkerDoors();
});
