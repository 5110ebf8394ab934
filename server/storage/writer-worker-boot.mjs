// The writer thread's entry (server/storage/writer-thread.ts starts it). A worker does not
// inherit the loader hooks of its parent (tsx for `npm run api`, vitest in tests), so it
// registers tsx itself before it loads the TypeScript body, whatever runs the API.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
