export { AuditModule } from './audit.module';
export { type AuditRecord, AuditService, AuditTrail, createdFields, diffFields } from './audit.service';
export {
  type AuditChanges,
  auditEventsOf,
  auditEventsTable,
  type InsertedAuditEvent,
  insertInsertedAuditEventsSql,
} from './audit.table';
