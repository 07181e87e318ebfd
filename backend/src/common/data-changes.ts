import {
  type CallHandler,
  type ExecutionContext,
  Global,
  Injectable,
  Module,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Request } from 'express';
import { finalize, type Observable } from 'rxjs';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A counter of committed changes in this process: every write request moves it on when it has
 * finished, i.e. after its transaction committed or failed. Figures remembered for reading (list
 * totals, reports) are valid only while it stands still.
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
 * Moves `DataChanges` on after every unsafe request, whatever it wrote: one place, so that no write
 * path can forget it. Writes made outside this process (a seed, a restore) are bounded by the
 * remembered figures' own lifetime instead.
 */
@Injectable()
export class DataChangesInterceptor implements NestInterceptor {
  constructor(private readonly changes: DataChanges) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return next.handle();
    return next.handle().pipe(finalize(() => this.changes.changed()));
  }
}

@Global()
@Module({
  providers: [DataChanges, { provide: APP_INTERCEPTOR, useClass: DataChangesInterceptor }],
  exports: [DataChanges],
})
export class DataChangesModule {}
