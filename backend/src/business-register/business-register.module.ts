import { Module } from '@nestjs/common';
import { BusinessRegisterController } from './business-register.controller';
import { BusinessRegisterService } from './business-register.service';
import { RegisterRefreshController } from './register-refresh.controller';
import { RegisterRefreshService } from './register-refresh.service';

@Module({
  controllers: [BusinessRegisterController, RegisterRefreshController],
  providers: [BusinessRegisterService, RegisterRefreshService],
  // Other features (imports creating prospects) fill employers from the register through the service.
  exports: [BusinessRegisterService],
})
export class BusinessRegisterModule {}
