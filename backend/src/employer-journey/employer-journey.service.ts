import { Injectable } from '@nestjs/common';
import type { EmployerJourneyDto, SetEmployerJourneyStepRequest } from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import type { AuthUser } from '../auth';
import { readableEmployer } from '../employers';
import { ApiException } from '../http/api-exception';
import { lockJourneyStep, readEmployerJourney, saveJourneyStep } from './employer-journey.table';

type SetStepInput = SetEmployerJourneyStepRequest;

@Injectable()
export class EmployerJourneyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Whoever may read the employer reads its journey; another group's employer is 404. */
  async get(caller: AuthUser, employerId: number): Promise<EmployerJourneyDto> {
    await readableEmployer(this.dataSource.manager, caller, employerId);
    return readEmployerJourney(this.dataSource, employerId);
  }

  /**
   * Sets or clears one step's date by hand, on the version the caller read (409 with the current
   * journey otherwise), audited in the same transaction on the employer's timeline.
   */
  async setStep(caller: AuthUser, employerId: number, input: SetStepInput): Promise<EmployerJourneyDto> {
    return this.dataSource.transaction(async (manager) => {
      const employer = await readableEmployer(manager, caller, employerId);
      if (employer.archivedAt) throw new ApiException(409, 'EMPLOYER_ARCHIVED', 'The employer is archived');
      const before = await lockJourneyStep(manager, employerId, input.step);
      const stale = async () => ApiException.staleVersion(await readEmployerJourney(this.dataSource, employerId));
      if ((before?.version ?? 0) !== input.version) throw await stale();
      const previous = before?.reachedOn ?? null;
      // Nothing to change (the same date again, or clearing what was never set): no write, no event.
      if (previous === input.reachedOn) return readEmployerJourney(manager, employerId);
      const saved = await saveJourneyStep(manager, { ...input, employerId, setBy: caller.id });
      // Only a parallel first save can get here: the row did not exist to be locked.
      if (!saved) throw await stale();
      await this.audit.record(manager, {
        actorId: caller.id,
        // 'update' like any edit: the employer's history shows the step's date before and after.
        action: 'update',
        entityType: 'employer_journey',
        entityId: employerId,
        employerId,
        changes: { [input.step]: [previous, input.reachedOn] },
      });
      return readEmployerJourney(manager, employerId);
    });
  }
}
