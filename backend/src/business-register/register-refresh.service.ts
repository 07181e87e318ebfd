import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type BusinessRegisterCompanyDto, helsinkiDate, type RegisterRefreshStateDto } from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit';
import type { AuthUser } from '../auth';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from '../config/clock';
import { uniqueViolation } from '../database/database-errors';
import {
  countEmployersWithBusinessId,
  employersWithBusinessIdAfter,
  type RegisterFactsRow,
  setRegisterFacts,
} from '../employers';
import { ApiException } from '../http/api-exception';
import { BusinessRegisterService } from './business-register.service';
import {
  advanceRefresh,
  finishRefresh,
  findRefresh,
  insertRefresh,
  latestRefresh,
  lockRunningRefresh,
  type RefreshCounts,
  type RegisterRefreshRow,
  resumeRefresh,
  retryRefreshLater,
} from './register-refresh.table';

/** Unanswered requests in a row before the job stops as failed (it can be resumed from its cursor). */
export const MAX_RETRIES = 5;
/** The first wait after an unanswered request; it doubles with each further one. */
export const RETRY_BASE_MS = 2_000;

/** What one step did: checked an employer, waited for its turn, finished, or found nothing to do. */
export type RefreshStep =
  | { kind: 'checked'; employerId: number }
  | { kind: 'retry'; waitMs: number }
  | { kind: 'wait'; waitMs: number }
  | { kind: 'done' }
  | { kind: 'failed' }
  | { kind: 'idle' };

const REGISTER_FACT_FIELDS = ['found', 'name', 'situations', 'ceasedOn', 'flags'] as const;

/**
 * The admin's "refresh from YTJ": checks every employer with a Y-tunnus against the register and
 * keeps the register's facts beside the employer (never over the CRM's own fields).
 *
 * All state is in the job's row: the cursor (last employer id done), the counters and the time of
 * the next allowed request. Each step locks that row (FOR UPDATE SKIP LOCKED) for one employer, so
 * of several instances exactly one works at a time, the pace holds over all of them, and a restarted
 * instance, or another, simply carries on from the cursor. A step that dies midway rolls back and is
 * done again.
 */
@Injectable()
export class RegisterRefreshService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RegisterRefresh');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly register: BusinessRegisterService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A job left running by a stopped instance goes on by itself.
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  async state(): Promise<RegisterRefreshStateDto> {
    return { job: await latestRefresh(this.dataSource), requestsPerSecond: this.config.prhRequestsPerSecond };
  }

  /** Starts a job (or resumes a failed one from its cursor); 409 while one runs. */
  async start(caller: AuthUser): Promise<RegisterRefreshStateDto> {
    const now = this.clock.now();
    try {
      await this.dataSource.transaction(async (manager) => {
        const latest = await latestRefresh(manager);
        if (latest?.status === 'running') throw refreshRunning();
        if (latest?.status === 'failed') {
          const remaining = await this.remainingAfter(manager, latest.id);
          await resumeRefresh(manager, latest.id, remaining, now);
          await this.audit.record(manager, {
            actorId: caller.id,
            action: 'resume',
            entityType: 'business_register_refresh',
            entityId: latest.id,
            changes: { status: ['failed', 'running'] },
          });
          return;
        }
        const total = await countEmployersWithBusinessId(manager);
        const id = await insertRefresh(manager, total, caller.id, now);
        await this.audit.record(manager, {
          actorId: caller.id,
          action: 'start',
          entityType: 'business_register_refresh',
          entityId: id,
          changes: { total: [null, total] },
        });
      });
    } catch (error) {
      // Another instance (or a double click) started one between our read and our insert.
      if (uniqueViolation(error) === 'uq_business_register_refreshes_running') throw refreshRunning();
      throw error;
    }
    this.schedule(0);
    return this.state();
  }

  /** One employer (or nothing, when it is not yet its turn or another instance holds the job). */
  async step(): Promise<RefreshStep> {
    return this.dataSource.transaction(async (manager) => {
      const job = await lockRunningRefresh(manager);
      if (!job) return { kind: 'idle' };
      const now = this.clock.now();
      const waitMs = job.next_request_at.getTime() - now.getTime();
      if (waitMs > 0) return { kind: 'wait', waitMs };
      const [employer] = await employersWithBusinessIdAfter(manager, job.cursor_employer_id, 1);
      if (!employer) {
        await finishRefresh(manager, job.id, 'done', null, now);
        await this.audit.record(manager, this.finishedEvent(await findRefresh(manager, job.id)));
        return { kind: 'done' };
      }
      return this.check(manager, job, employer, now);
    });
  }

  private async check(
    manager: EntityManager,
    job: RegisterRefreshRow,
    employer: { id: number; business_id: string },
    now: Date,
  ): Promise<RefreshStep> {
    const nextRequestAt = new Date(now.getTime() + 1000 / this.config.prhRequestsPerSecond);
    let company: BusinessRegisterCompanyDto | null;
    try {
      company = await this.register.find(employer.business_id, helsinkiDate(now));
    } catch (error) {
      if (!(error instanceof ApiException) || error.code !== 'BUSINESS_REGISTER_UNAVAILABLE') throw error;
      if (job.retries + 1 >= MAX_RETRIES) {
        await finishRefresh(manager, job.id, 'failed', 'BUSINESS_REGISTER_UNAVAILABLE', now);
        await this.audit.record(manager, this.finishedEvent(await findRefresh(manager, job.id)));
        return { kind: 'failed' };
      }
      const waitMs = RETRY_BASE_MS * 2 ** job.retries;
      await retryRefreshLater(manager, job.id, new Date(now.getTime() + waitMs), now);
      return { kind: 'retry', waitMs };
    }
    const saved = await setRegisterFacts(manager, employer.id, {
      found: company !== null,
      name: company?.name ?? null,
      situations: company?.situations ?? [],
      ceasedOn: company?.ceasedOn ?? null,
      checkedAt: now,
    });
    const counts: RefreshCounts = { progress: 1 };
    if (saved) {
      const changes = diffFields<RegisterFactsRow>(saved.before, saved.after, REGISTER_FACT_FIELDS);
      if (Object.keys(changes).length) {
        counts.changed = 1;
        await this.audit.record(manager, {
          actorId: job.started_by,
          action: 'register_check',
          entityType: 'employer',
          entityId: employer.id,
          employerId: employer.id,
          // Named as the employer's history shows them: registerFound, registerName, …
          changes: Object.fromEntries(
            Object.entries(changes).map(([field, value]) => [
              `register${field[0].toUpperCase()}${field.slice(1)}`,
              value,
            ]),
          ),
        });
      }
      if (saved.after.flags.length) counts.flagged = 1;
    }
    if (!company) counts.not_found = 1;
    await advanceRefresh(manager, job.id, { cursor: employer.id, counts, nextRequestAt, now });
    return { kind: 'checked', employerId: employer.id };
  }

  private finishedEvent(job: Awaited<ReturnType<typeof findRefresh>>) {
    return {
      actorId: job.startedBy,
      action: job.status === 'done' ? 'finish' : 'fail',
      entityType: 'business_register_refresh',
      entityId: job.id,
      changes: {
        status: ['running', job.status] as [unknown, unknown],
        progress: [null, job.progress] as [unknown, unknown],
        changed: [null, job.changed] as [unknown, unknown],
        flagged: [null, job.flagged] as [unknown, unknown],
      },
    };
  }

  private async remainingAfter(manager: EntityManager, jobId: number): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS remaining FROM employers
        WHERE business_id IS NOT NULL
          AND id > (SELECT cursor_employer_id FROM business_register_refreshes WHERE id = $1)`,
      [jobId],
    );
    return row.remaining;
  }

  /** The instance's loop: steps while there is work, sleeps while it waits its turn, polls when idle. */
  private schedule(delayMs: number): void {
    const pollMs = this.config.registerRefreshPollMs;
    if (pollMs === 0 || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.running) return;
      this.running = this.runOnce().finally(() => (this.running = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    const pollMs = this.config.registerRefreshPollMs;
    let next = pollMs;
    try {
      const step = await this.step();
      if (step.kind === 'checked') next = 0;
      else if (step.kind === 'wait' || step.kind === 'retry') next = Math.min(step.waitMs, pollMs);
    } catch (error) {
      this.logger.warn(`Refresh step failed: ${(error as Error).message}`);
    }
    this.schedule(next);
  }
}

function refreshRunning(): ApiException {
  return new ApiException(409, 'REGISTER_REFRESH_RUNNING', 'A refresh from the business register is already running');
}
