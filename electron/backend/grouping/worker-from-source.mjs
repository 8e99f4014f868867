// Entry of the grouping worker when the backend runs from TypeScript source: tsx compiles worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
