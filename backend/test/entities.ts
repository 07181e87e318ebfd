import { AuditEventEntity } from '../src/audit/audit-event.entity';
import { LoginThrottleEntity } from '../src/account/login-throttle.entity';
import { SessionEntity } from '../src/auth/session.entity';
import { CampusGroupEntity } from '../src/campus-groups/campus-group.entity';
import { ContactPersonEntity } from '../src/contacts/contact-person.entity';
import { ImportBatchEntity } from '../src/imports/import-batch.entity';
import { UserEntity } from '../src/users/user.entity';
import { UserCampusGroupEntity } from '../src/users/user-campus-group.entity';
import { CalendarFeedEntity } from '../src/calendar/calendar-feed.entity';

/**
 * The tables still described by an entity class, for the schema-drift test only (the app loads no
 * entities). Goes when every table has its declaration in test/tables.ts.
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
