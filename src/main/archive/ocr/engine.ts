/**
 * The OCR engine: tesseract.js (Tesseract compiled to WebAssembly) in Node worker threads, one
 * per core, fed from a queue. Every file it needs comes from node_modules (its worker script
 * and core are required there; language data is read by languages.ts and handed over as bytes)
 * and nothing is cached to disk (`cacheMethod: 'none'`), so it runs without a network.
 *
 * Each page is first turned upright: Tesseract's orientation detection (OSD, the legacy
 * engine with osd.traineddata, in one worker of its own) says by how much the text is turned.
 */
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { ArchiveError, messageOf } from '../errors.js';
import { engineVersion, languageFolder } from './languages.js';
import { encodeBmp, rotateClockwise, unrotatePoint, type GreyImage } from './raster.js';
import { ocrWorkerUrl } from './worker-script.js';
import { pageTextFromBlocks, type RecognisedWord } from './words.js';

export type { RecognisedWord } from './words.js';

export interface RecognisedPage {
  text: string;
  /** Boxes in the pixels of the image as given (before it was turned upright). */
  words: RecognisedWord[];
  /** Mean word confidence, 0..100 (0 when no word was read). */
  meanConfidence: number;
  /** Clockwise turn applied before reading (0, 90, 180, 270). */
  rotation: number;
}

export interface EngineOptions {
  /** Language codes, e.g. ["eng", "fra"] (default ["eng"]). */
  languages?: readonly string[];
  /** Extra folders holding .traineddata files. */
  tessdata?: readonly string[];
  /** Worker threads (default: one per core). */
  workers?: number;
}

/** OSD below this confidence (Tesseract's own scale) leaves the page as it is: too little text to tell. */
const MIN_ORIENTATION_CONFIDENCE = 1.5;

interface Task {
  run: (worker: Worker) => Promise<void>;
}

/** The worker-script URL goes where tesseract.js's types say string; Node's Worker takes both. */
const workerOptions = {
  cacheMethod: 'none',
  gzip: false,
  workerBlobURL: false,
  workerPath: ocrWorkerUrl() as unknown as string,
};

export class OcrEngine {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private osdChain: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly workers: Worker[],
    private readonly osd: Worker,
    readonly languages: string,
    readonly engine: string,
    readonly version: string,
  ) {
    this.idle.push(...workers);
  }

  /** Starts the workers; refuses in words a language that is not installed. */
  static async start(options: EngineOptions = {}): Promise<OcrEngine> {
    const codes = options.languages?.length ? [...options.languages] : ['eng'];
    const langPath = await languageFolder([...codes, 'osd'], options.tessdata ?? []);
    const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), 16));
    const started: Worker[] = [];
    try {
      const osd = await createWorker('osd', OEM.TESSERACT_ONLY, {
        ...workerOptions,
        langPath,
        legacyCore: true,
        legacyLang: true,
      });
      started.push(osd);
      for (let i = 0; i < count; i++)
        started.push(await createWorker(codes, OEM.LSTM_ONLY, { ...workerOptions, langPath }));
      const { engine, version } = engineVersion();
      return new OcrEngine(started.slice(1), osd, codes.join('+'), engine, version);
    } catch (error) {
      await Promise.all(started.map((w) => w.terminate().catch(() => undefined)));
      throw new ArchiveError('unsupported', `the OCR engine could not start (${messageOf(error)})`);
    } finally {
      // Every worker has read its data by now; the links are of no further use.
      await rm(langPath, { recursive: true, force: true });
    }
  }

  get workerCount(): number {
    return this.workers.length;
  }

  /** Clockwise turn that makes the page upright (0 when OSD cannot tell). */
  private async orientation(file: Uint8Array, dpi: string): Promise<number> {
    // The one OSD worker takes pages one at a time.
    const run = this.osdChain.then(async () => {
      await this.osd.setParameters({ user_defined_dpi: dpi });
      return this.osd.detect(file as unknown as Buffer);
    });
    this.osdChain = run.catch(() => undefined);
    try {
      const { data } = await run;
      const degrees = data.orientation_degrees ?? 0;
      if ((data.orientation_confidence ?? 0) < MIN_ORIENTATION_CONFIDENCE) return 0;
      return ((degrees % 360) + 360) % 360;
    } catch {
      return 0;
    }
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop();
      const task = this.queue.shift();
      if (!worker || !task) break;
      void task.run(worker).finally(() => {
        if (!this.closed) this.idle.push(worker);
        this.dispatch();
      });
    }
  }

  private withWorker<T>(job: (worker: Worker) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.closed) return Promise.reject(new ArchiveError('cancelled', 'OCR was stopped'));
    return new Promise<T>((resolve, reject) => {
      const task: Task = {
        run: async (worker) => {
          if (signal?.aborted) return reject(new ArchiveError('cancelled', 'OCR was cancelled'));
          try {
            resolve(await job(worker));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
      };
      this.queue.push(task);
      this.dispatch();
    });
  }

  /**
   * Reads one page image: turned upright, then recognised; word boxes come back in the given
   * image's pixels. `dpi` is the scan's resolution (a PGM carries none, and Tesseract sizes its
   * expectations of letters by it).
   */
  async recognise(image: GreyImage, options: { dpi: number; signal?: AbortSignal }): Promise<RecognisedPage> {
    const { signal } = options;
    const dpi = String(Math.round(Math.min(2400, Math.max(70, options.dpi))));
    if (signal?.aborted) throw new ArchiveError('cancelled', 'OCR was cancelled');
    const rotation = await this.orientation(encodeBmp(image, Number(dpi)), dpi);
    const upright = rotateClockwise(image, rotation);
    const file = encodeBmp(upright, Number(dpi));
    const result = await this.withWorker(async (worker) => {
      await worker.setParameters({ user_defined_dpi: dpi });
      return worker.recognize(file as unknown as Buffer, {}, { blocks: true, text: false });
    }, signal);
    const page = pageTextFromBlocks(result.data.blocks ?? []);
    const words = page.words.map((w) => {
      const [ax, ay] = unrotatePoint(w.x0, w.y0, rotation, image);
      const [bx, by] = unrotatePoint(w.x1, w.y1, rotation, image);
      return { ...w, x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
    });
    return { text: page.text, words, meanConfidence: page.meanConfidence, rotation };
  }

  /** Stops every worker; pages waiting are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) void task;
    await Promise.all([...this.workers, this.osd].map((w) => w.terminate().catch(() => undefined)));
  }
}
