import { Module } from '@nestjs/common';
import { BusinessRegisterController } from './business-register.controller';
import { BusinessRegisterService } from './business-register.service';

@Module({ controllers: [BusinessRegisterController], providers: [BusinessRegisterService] })
export class BusinessRegisterModule {}
