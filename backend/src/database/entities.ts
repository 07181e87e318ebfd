import { AuditEventEntity } from '../audit/audit-event.entity';
import { SessionEntity } from '../auth/session.entity';
import { CampusGroupEntity } from '../campus-groups/campus-group.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity, registered once for the app, the CLI and the tests. */
export const ENTITIES = [CampusGroupEntity, UserEntity, SessionEntity, AuditEventEntity];
