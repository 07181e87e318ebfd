export { BusinessRegisterModule } from './business-register.module';
export { BusinessRegisterService } from './business-register.service';
