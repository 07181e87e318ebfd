import { Global, Injectable, Module } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SAFE_METHODS } from '../http/safe-methods';

/**
 * A counter of committed changes in this process: every write request moves it on when it has
 * finished (`dataChangesMiddleware`), i.e. after its transaction committed or failed. Figures
 * remembered for reading (list totals, reports) are valid only while it stands still.
 */
@Injectable()
export class DataChanges {
  private current = 0;

  get generation(): number {
    return this.current;
  }

  changed(): void {
    this.current += 1;
  }
}

/**
 * Express middleware moving `DataChanges` on when an unsafe request's response has gone out, i.e.
 * after its transaction committed or failed, whatever it wrote: one place, so that no write path can
 * forget it. (A middleware rather than a Nest interceptor: a global interceptor puts an RxJS chain
 * on every request, reads included.) Writes made outside this process (a seed, a restore) are
 * bounded by the remembered figures' own lifetime instead.
 */
export function dataChangesMiddleware(changes: DataChanges): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!SAFE_METHODS.has(request.method)) response.once('close', () => changes.changed());
    next();
  };
}

@Global()
@Module({ providers: [DataChanges], exports: [DataChanges] })
export class DataChangesModule {}
