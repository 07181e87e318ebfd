import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type EmployerJourneyDto, setEmployerJourneyStepSchema } from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser } from '../auth';
import { IdParam, ValidBody } from '../http/validation';
import { EmployerJourneyService } from './employer-journey.service';

@ApiTags('employer-journey')
@Controller('employers/:employerId/journey')
export class EmployerJourneyController {
  constructor(private readonly journey: EmployerJourneyService) {}

  @Get()
  @CanRead('employers')
  get(@CurrentUser() caller: AuthUser, @IdParam('employerId') employerId: number): Promise<EmployerJourneyDto> {
    return this.journey.get(caller, employerId);
  }

  // Setting a step is editing the employer: the roles that may write employers.
  @Patch()
  @CanWrite('employers')
  setStep(
    @CurrentUser() caller: AuthUser,
    @IdParam('employerId') employerId: number,
    @ValidBody(setEmployerJourneyStepSchema) body: z.output<typeof setEmployerJourneyStepSchema>,
  ): Promise<EmployerJourneyDto> {
    return this.journey.setStep(caller, employerId, body);
  }
}
