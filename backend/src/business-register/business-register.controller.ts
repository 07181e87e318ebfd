import { Get, Param } from '@nestjs/common';
import type { BusinessRegisterCompanyDto } from '@tyoelama/shared';
import { CanWrite } from '../auth';
import { ApiController } from '../http/routes';
import { BusinessRegisterService } from './business-register.service';

@ApiController('business-register')
export class BusinessRegisterController {
  constructor(private readonly register: BusinessRegisterService) {}

  /** Prefills the employer form: only those who create employers may look them up. */
  @Get(':businessId')
  @CanWrite('employers')
  lookup(@Param('businessId') businessId: string): Promise<BusinessRegisterCompanyDto> {
    return this.register.lookup(businessId);
  }
}
