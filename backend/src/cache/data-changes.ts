import { Global, Injectable, Module, Optional } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SAFE_METHODS } from '../http/safe-methods';
import { SharedChanges } from './shared-changes';

/**
 * The generation of the data as this process knows it: figures remembered for reading (list totals,
 * reports) are valid only while it stands still. It moves when a write request of this process has
 * finished (`dataChangesMiddleware`, at once, so the writer's next read shows the write) and when
 * `SharedChanges` reports a commit by any process, this one included. While the shared counters are
 * out of sight every read is a generation of its own: nothing is remembered that could miss a change.
 */
@Injectable()
export class DataChanges {
  private current = 0;

  constructor(@Optional() private readonly shared?: SharedChanges) {
    shared?.on('data', () => this.changed());
  }

  get generation(): number {
    if (this.shared && !this.shared.current) this.current += 1;
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
 * on every request, reads included.) Other processes' writes arrive through `SharedChanges`.
 */
export function dataChangesMiddleware(changes: DataChanges): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!SAFE_METHODS.has(request.method)) response.once('close', () => changes.changed());
    next();
  };
}

@Global()
@Module({ providers: [SharedChanges, DataChanges], exports: [SharedChanges, DataChanges] })
export class DataChangesModule {}
