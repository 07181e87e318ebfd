export { AccountModule } from './account.module';
export { loginThrottleTable } from './login-throttle.table';
