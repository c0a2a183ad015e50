// A worker thread's entry (the audit writer, tests' helpers): a worker does not inherit a loader
// registered at run time (bin/ward.js, vitest), so it registers tsx itself before loading the
// TypeScript entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
