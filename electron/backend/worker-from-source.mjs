// Entry of a worker thread when the backend runs from TypeScript source: tsx compiles the worker's module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
