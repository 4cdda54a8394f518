// Entry of an extraction worker thread. Workers don't inherit a loader registered from code
// (bin/hudna.js registers tsx that way), so register it here, then load the TypeScript worker.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
