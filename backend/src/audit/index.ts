export { AuditModule } from './audit.module';
export { type AuditRecord, AuditService, createdFields, diffFields } from './audit.service';
export { type AuditChanges, auditEventsOf, auditEventsTable } from './audit.table';
