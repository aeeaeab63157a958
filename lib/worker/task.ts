/** A background job the worker runs every `intervalMs`; `run` must stop promptly once `signal` aborts. */
export type WorkerTask = {
  name: string;
  intervalMs: number;
  run: (signal: AbortSignal) => Promise<void>;
};
