import { parentPort, workerData } from 'node:worker_threads';
import { readSheet } from './import-file';
import { FileRefused } from './import-file-limits';
import type { ParseFileMessage, ParseFileRequest } from './import-file-reader';
import { type ParsedRow, parseRows } from './import-rows';

function post(message: ParseFileMessage): void {
  parentPort?.postMessage(message);
}

/** Sends the rows a slice at a time, the next one when the request thread asks for it. */
function sendRows(rows: ParsedRow[], rowsPerMessage: number): void {
  let sent = 0;
  const sendSlice = () => {
    const slice = rows.slice(sent, sent + rowsPerMessage);
    sent += slice.length;
    post({ rows: slice, done: sent >= rows.length });
  };
  parentPort?.on('message', sendSlice);
  sendSlice();
}

// Imports no Nest: it starts in a fresh thread for every file. One file per worker: when it ends, everything the parse allocated goes with it.
async function main(): Promise<void> {
  const { bytes, fileName, target, rowsPerMessage } = workerData as ParseFileRequest;
  let rows: ParsedRow[];
  try {
    // Mapping the rows is CPU work too (about 80 ms per 1 000 rows): it stays off the request thread.
    rows = parseRows(await readSheet(Buffer.from(bytes), fileName), target);
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    const { status, code, message, limit } = error;
    post({ refused: { status, code, message, limit } });
    return;
  }
  sendRows(rows, rowsPerMessage);
}

void main();
