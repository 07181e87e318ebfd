import { HttpStatus } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiException } from '../common/api-exception';
import type { Sheet } from './import-file';
import { type FileRefused, refusals } from './import-file-limits';

export interface ReadSheetRequest {
  bytes: Uint8Array;
  fileName: string;
}

export type ReadSheetReply = { sheet: Sheet } | { refused: Refusal };

/**
 * A parse that needs more than this is refused (413 too_complex) and takes only its worker down.
 * The largest legal file measured (20 000 rows × 50 columns in an .xlsx) peaks at about ??? MB.
 */
export const PARSE_HEAP_MB = 768;
/** Two cores: more parses at once would only queue for CPU and add up their heaps. */
const PARALLEL_PARSES = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function parseSlot(): Promise<() => void> {
  if (running >= PARALLEL_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
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

function startWorker(request: ReadSheetRequest, heapMb: number): Worker {
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

type Refusal = Pick<FileRefused, 'status' | 'code' | 'message' | 'limit'>;

/**
 * A refused file in the API's envelope: 413 PAYLOAD_TOO_LARGE for sizes, 400 VALIDATION_FAILED
 * otherwise, with a field error on `file` carrying the refusal's code and limit for the client's text.
 */
export function refusalException({ status, code, message, limit }: Refusal): ApiException {
  const fieldError = { path: 'file', code, message, ...(limit === undefined ? {} : { limit }) };
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
    return new ApiException(status, 'PAYLOAD_TOO_LARGE', message, { fieldErrors: [fieldError] });
  }
  return ApiException.validation([fieldError]);
}

function asRefusal({ status, code, message, limit }: FileRefused): Refusal {
  return { status, code, message, limit };
}

/**
 * readSheet in a worker thread, so a large file never blocks the requests of others, and its memory
 * is freed when the worker ends. `heapMb` bounds the worker's heap (tests pass a small one).
 */
export async function readSheetOffThread(buffer: Buffer, fileName: string, heapMb = PARSE_HEAP_MB): Promise<Sheet> {
  // A copy the worker can own: multer's buffer may share its memory with other allocations.
  const bytes = new Uint8Array(buffer);
  const release = await parseSlot();
  try {
    const reply = await new Promise<ReadSheetReply>((resolve, reject) => {
      const worker = startWorker({ bytes, fileName }, heapMb);
      worker.once('message', (message: ReadSheetReply) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ refused: asRefusal(refusals.tooComplex()) });
        else reject(error);
      });
      worker.once('exit', (exitCode) => reject(new Error(`The file parser ended with exit code ${exitCode}`)));
    });
    if ('sheet' in reply) return reply.sheet;
    throw refusalException(reply.refused);
  } finally {
    release();
  }
}
