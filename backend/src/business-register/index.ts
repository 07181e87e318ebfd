export { BusinessRegisterModule } from './business-register.module';
