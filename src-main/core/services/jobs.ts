import { randomUUID } from 'node:crypto'
import type { JobStatus } from '../model/documents'

export interface JobProgress {
  step(file?: string): void
}

/**
 * Long work (a batch of documents) runs in the background and reports progress, so the
 * window stays responsive: the caller gets a job id at once and asks for its status.
 */
export class Jobs {
  private jobs = new Map<string, { status: JobStatus; finished: Promise<void> }>()

  start(total: number, folder: string, work: (progress: JobProgress) => Promise<string>): JobStatus {
    const status: JobStatus = { id: randomUUID(), state: 'running', done: 0, total, folder, files: [], message: '' }
    const progress: JobProgress = {
      step: (file) => {
        status.done++
        if (file) status.files.push(file)
      },
    }
    const finished = work(progress).then(
      (message) => {
        status.state = 'done'
        status.message = message
      },
      (e: Error) => {
        status.state = 'failed'
        status.message = e.message
      },
    )
    this.jobs.set(status.id, { status, finished })
    return { ...status }
  }

  get(id: string): JobStatus | undefined {
    const job = this.jobs.get(id)
    return job && { ...job.status, files: [...job.status.files] }
  }

  async wait(id: string): Promise<JobStatus | undefined> {
    await this.jobs.get(id)?.finished
    return this.get(id)
  }

  /** Lets a closing app finish what it is writing. */
  async settle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.finished))
  }
}

/** Gives the event loop a turn between documents, so other calls are answered meanwhile. */
export const yieldTurn = () => new Promise<void>((ok) => setImmediate(ok))
