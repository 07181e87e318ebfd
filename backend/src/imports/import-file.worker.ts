import { parentPort, workerData } from 'node:worker_threads';
import { readSheet } from './import-file';
import { FileRefused } from './import-file-limits';
import type { ReadSheetReply, ReadSheetRequest } from './import-file-reader';

// One file per worker: when it exits, everything the parse allocated goes with it.
async function main(): Promise<void> {
  const { bytes, fileName } = workerData as ReadSheetRequest;
  let reply: ReadSheetReply;
  try {
    reply = { sheet: await readSheet(Buffer.from(bytes), fileName) };
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    const { status, code, message, limit } = error;
    reply = { refused: { status, code, message, limit } };
  }
  parentPort?.postMessage(reply);
}

void main();
