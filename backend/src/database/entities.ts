import { AuditEventEntity } from '../audit/audit-event.entity';
import { SessionEntity } from '../auth/session.entity';
import { CampusGroupEntity } from '../campus-groups/campus-group.entity';
import { UserEntity } from '../users/user.entity';
import { UserCampusGroupEntity } from '../users/user-campus-group.entity';

/** Every entity, registered once for the app, the CLI and the tests. */
export const ENTITIES = [CampusGroupEntity, UserEntity, UserCampusGroupEntity, SessionEntity, AuditEventEntity];
