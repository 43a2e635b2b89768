/** Running long calls by job id, so that `jobs.cancel` can abort them. */
import { BridgeError } from './errors.js';

export interface Job {
  readonly signal: AbortSignal;
  finish(): void;
}

export class JobRegistry {
  readonly #running = new Map<string, AbortController>();

  /** Registers a job; a second job under a running id is refused (its events would mix). */
  start(jobId: string): Job {
    if (this.#running.has(jobId))
      throw new BridgeError('conflict', `job ${jobId}: a job with this id is already running`);
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    return {
      signal: controller.signal,
      finish: () => {
        if (this.#running.get(jobId) === controller) this.#running.delete(jobId);
      },
    };
  }

  /** Aborts the job; false when no such job is running (already done, or never started). */
  cancel(jobId: string): boolean {
    const controller = this.#running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Aborts every running job (before the archive is switched or the app quits). */
  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
  }

  get size(): number {
    return this.#running.size;
  }
}
