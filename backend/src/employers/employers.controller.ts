import {
  archiveSchema,
  createEmployerSchema,
  type EmployerDto,
  employerListQuerySchema,
  updateEmployerSchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser, ResourceRoutes } from '../auth';
import { ApiController, RecordAction } from '../http/routes';
import { IdParam, ValidBody } from '../http/validation';
import { EmployersReadService } from './employers-read.service';
import { EmployersWriteService } from './employers-write.service';

@ApiController('employers')
export class EmployersController extends ResourceRoutes(EmployersReadService, {
  writes: EmployersWriteService,
  rights: { read: CanRead('employers'), create: CanWrite('employers'), update: CanWrite('employers') },
  schemas: { list: employerListQuerySchema, create: createEmployerSchema, update: updateEmployerSchema },
}) {
  @RecordAction('archive', CanWrite('employers'))
  archive(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(archiveSchema) body: z.output<typeof archiveSchema>,
  ): Promise<EmployerDto> {
    return this.writes.setArchived(caller, id, body.version, true);
  }

  @RecordAction('restore', CanWrite('employers'))
  restore(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(archiveSchema) body: z.output<typeof archiveSchema>,
  ): Promise<EmployerDto> {
    return this.writes.setArchived(caller, id, body.version, false);
  }
}
