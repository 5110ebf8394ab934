// Bundled alone by scripts/vite-page-hook.ts into the function the MAIN-world script injects.
import { installPageHook } from './page-hook';

installPageHook();
