import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportFileErrorCode, NationalFileError } from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';
import { type FileRefused, refusals } from './import-file-limits';
import type { ImportTarget, ParsedRow } from './import-rows';

export interface ParseFileRequest {
  bytes: Uint8Array;
  fileName: string;
  target: ImportTarget;
  rowsPerMessage: number;
}

export type ParseFileMessage = { rows: ParsedRow[]; done: boolean } | { refused: Refusal };

/**
 * Rows arrive in slices, each asked for after the previous one was taken in: deserialising 20 000 rows
 * in one message held the event loop for over 500 ms; a slice takes a few ms, and other requests run between.
 */
const ROWS_PER_MESSAGE = 500;

/**
 * A parse that needs more than this is refused (413 too_complex) and takes only its worker down.
 * Measured: 20 000 rows × 15 columns (a 1.3 MB .xlsx) parse within 128 MB; 20 000 rows × 50 columns
 * (5 MB) need more than 256 and less than 512 MB.
 */
export const PARSE_HEAP_MB = 768;
/** Two cores: more parses at once would only queue for CPU and add up their heaps. */
const PARALLEL_PARSES = 2;

let running = 0;
const waiting: (() => void)[] = [];

/** Waits for one of the PARALLEL_PARSES slots; the returned function hands it to the next in line. */
async function parseSlot(): Promise<() => void> {
  if (running < PARALLEL_PARSES) running += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
}

// tsc compiles the worker beside this file; under ts-jest only the .ts sources exist, which Node
// cannot load by itself, so the worker is started through a loader that transpiles them on require.
const COMPILED = extname(__filename) === '.js';
const WORKER_ENTRY = join(__dirname, `import-file.worker${COMPILED ? '.js' : '.ts'}`);
const TS_LOADER = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const ts = require(workerData.typescript);
require.extensions['.ts'] = (module, fileName) => {
  const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  module._compile(ts.transpileModule(readFileSync(fileName, 'utf8'), { fileName, compilerOptions: options }).outputText, fileName);
};
require(workerData.entry);
`;

function startWorker(request: ParseFileRequest, heapMb: number): Worker {
  const options = {
    workerData: request,
    transferList: [request.bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  };
  if (COMPILED) return new Worker(WORKER_ENTRY, options);
  return new Worker(TS_LOADER, {
    ...options,
    eval: true,
    workerData: { ...request, entry: WORKER_ENTRY, typescript: require.resolve('typescript') },
  });
}

/** A refusal of an employer sheet or of a national export (NationalFileRefused). */
export type Refusal = Pick<FileRefused, 'status' | 'message' | 'limit'> & {
  code: ImportFileErrorCode | NationalFileError;
};

/**
 * A refused file in the API's envelope: 413 PAYLOAD_TOO_LARGE for sizes, 400 VALIDATION_FAILED
 * otherwise, with a field error on `file` carrying the refusal's code and limit for the client's text.
 */
export function refusalException({ status, code, message, limit }: Refusal): ApiException {
  const fieldError = { path: 'file', code, message, ...(limit === undefined ? {} : { limit }) };
  if (status === 413) {
    return new ApiException(status, 'PAYLOAD_TOO_LARGE', message, { fieldErrors: [fieldError] });
  }
  return ApiException.validation([fieldError]);
}

function asRefusal({ status, code, message, limit }: FileRefused): Refusal {
  return { status, code, message, limit };
}

/**
 * readSheet and parseRows in a worker thread, so a large file never blocks the requests of others, and
 * its memory is freed when the worker ends. `heapMb` bounds the worker's heap (tests pass a small one).
 */
export async function parseFileOffThread(
  buffer: Buffer,
  fileName: string,
  target: ImportTarget,
  heapMb = PARSE_HEAP_MB,
): Promise<ParsedRow[]> {
  // A copy the worker can own: multer's buffer may share its memory with other allocations.
  const bytes = new Uint8Array(buffer);
  const release = await parseSlot();
  try {
    const reply = await new Promise<{ rows: ParsedRow[] } | { refused: Refusal }>((resolve, reject) => {
      const worker = startWorker({ bytes, fileName, target, rowsPerMessage: ROWS_PER_MESSAGE }, heapMb);
      const rows: ParsedRow[] = [];
      worker.on('message', (message: ParseFileMessage) => {
        if ('refused' in message) {
          resolve(message);
          void worker.terminate();
          return;
        }
        for (const row of message.rows) rows.push(row);
        if (!message.done) {
          setImmediate(() => worker.postMessage('next'));
          return;
        }
        resolve({ rows });
        void worker.terminate();
      });
      worker.once('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ refused: asRefusal(refusals.tooComplex()) });
        else reject(error);
      });
      worker.once('exit', (exitCode) => reject(new Error(`The file parser ended with exit code ${exitCode}`)));
    });
    if ('rows' in reply) return reply.rows;
    throw refusalException(reply.refused);
  } finally {
    release();
  }
}
