import { defineBackground } from 'wxt/utils/define-background';
import { registerToolbar } from './toolbar';
import { registerCollect } from './collect';
import { registerBadge } from './badge';
import { registerDelivery } from './delivery';

/** The worker only wires modules that each own one job. */
export default defineBackground(() => {
  registerToolbar();
  registerCollect();
  registerBadge();
  registerDelivery();
});
