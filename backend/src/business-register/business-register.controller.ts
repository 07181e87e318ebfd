import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BusinessRegisterCompanyDto } from '@tyoelama/shared';
import { CanWrite } from '../auth';
import { BusinessRegisterService } from './business-register.service';

@ApiTags('business-register')
@Controller('business-register')
export class BusinessRegisterController {
  constructor(private readonly register: BusinessRegisterService) {}

  /** Prefills the employer form: only those who create employers may look them up. */
  @Get(':businessId')
  @CanWrite('employers')
  lookup(@Param('businessId') businessId: string): Promise<BusinessRegisterCompanyDto> {
    return this.register.lookup(businessId);
  }
}
