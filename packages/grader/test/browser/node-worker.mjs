// The browser's sandbox in a Node worker thread (for the tests): tsx compiles the TypeScript sources,
// worker-core.ts serves the page's messages through parentPort, exactly as worker.ts does through `self`.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker-main.ts');
