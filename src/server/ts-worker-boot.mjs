// A worker thread's entry when Ward runs from its TypeScript sources (the audit writer under
// `npm run dev` or vitest, tests' helpers): a worker does not inherit a loader registered at run
// time, so it registers tsx itself before loading the TypeScript entry named in workerData.
// The compiled build (dist/) starts its JavaScript writer directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
