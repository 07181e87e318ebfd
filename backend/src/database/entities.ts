import { AuditEventEntity } from '../audit/audit-event.entity';
import { LoginThrottleEntity } from '../account/login-throttle.entity';
import { SessionEntity } from '../auth/session.entity';
import { CampusGroupEntity } from '../campus-groups/campus-group.entity';
import { ContactPersonEntity } from '../contacts/contact-person.entity';
import { ImportBatchEntity } from '../imports/import-batch.entity';
import { UserEntity } from '../users/user.entity';
import { UserCampusGroupEntity } from '../users/user-campus-group.entity';
import { CalendarFeedEntity } from '../calendar/calendar-feed.entity';

/**
 * The tables still described by an entity class, for the schema-drift test only (the app loads no
 * entities). Goes when every table has its declaration in database/tables.ts.
 */
export const ENTITIES = [
  CampusGroupEntity,
  UserEntity,
  UserCampusGroupEntity,
  SessionEntity,
  AuditEventEntity,
  ContactPersonEntity,
  CalendarFeedEntity,
  ImportBatchEntity,
  LoginThrottleEntity,
];
