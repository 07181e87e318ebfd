export type { AuditChanges } from './audit-event.entity';
export { AuditModule } from './audit.module';
export { AuditService, createdFields, diffFields } from './audit.service';
