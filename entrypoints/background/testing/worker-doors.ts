/**
 * Opens the worker's test-only doors on `__osortooTest` (test-doors.d.ts). The worker's entry
 * calls it behind `if (__TEST_DOORS__)`, so only the e2e build carries this module.
 */
import { workerDelivery } from '../delivery';
import { outboxDoor } from './outbox-door';
import { toolbarDoor } from './toolbar-door';
import { openAddressDoor } from './address-door';

export function openWorkerDoors(): void {
  globalThis.__osortooTest = { ...globalThis.__osortooTest, toolbar: toolbarDoor(), outbox: outboxDoor(workerDelivery()) };
  openAddressDoor();
}
