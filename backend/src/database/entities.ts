import { AuditEventEntity } from '../audit/audit-event.entity';
import { LoginThrottleEntity } from '../account/login-throttle.entity';
import { SessionEntity } from '../auth/session.entity';
import { CampusGroupEntity } from '../campus-groups/campus-group.entity';
import { ContactEntryEntity } from '../contact-entries/contact-entry.entity';
import { ContactEntryPersonEntity } from '../contact-entries/contact-entry-person.entity';
import { ContactPersonEntity } from '../contacts/contact-person.entity';
import { EmployerEntity } from '../employers/employer.entity';
import { EmployerCampusGroupEntity } from '../employers/employer-campus-group.entity';
import { ImportBatchEntity } from '../imports/import-batch.entity';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { OpportunityEntity } from '../opportunities/opportunity.entity';
import { OpportunityStageChangeEntity } from '../opportunities/opportunity-stage-change.entity';
import { UserEntity } from '../users/user.entity';
import { UserCampusGroupEntity } from '../users/user-campus-group.entity';
import { CalendarFeedEntity } from '../calendar/calendar-feed.entity';

/** Every entity, registered once for the app, the CLI and the tests. */
export const ENTITIES = [
  CampusGroupEntity,
  UserEntity,
  UserCampusGroupEntity,
  SessionEntity,
  AuditEventEntity,
  EmployerEntity,
  EmployerCampusGroupEntity,
  ContactPersonEntity,
  ContactEntryEntity,
  ContactEntryPersonEntity,
  FollowUpEntity,
  OpportunityEntity,
  OpportunityStageChangeEntity,
  CalendarFeedEntity,
  ImportBatchEntity,
  LoginThrottleEntity,
];
