import { defineBackground } from 'wxt/utils/define-background';
import { registerCapture } from './capture';
import { registerBadge } from './badge';
import { registerDelivery } from './delivery';

/** The worker only wires modules that each own one job. */
export default defineBackground(() => {
  registerCapture();
  registerBadge();
  registerDelivery();
});
