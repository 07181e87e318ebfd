import { ContactEntryEntity } from '../contact-entries/contact-entry.entity';
import { ContactEntryPersonEntity } from '../contact-entries/contact-entry-person.entity';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { OpportunityEntity } from '../opportunities/opportunity.entity';
import { OpportunityStageChangeEntity } from '../opportunities/opportunity-stage-change.entity';

/**
 * The tables still described by an entity class, for the schema-drift test only (the app loads no
 * entities). Goes when every table has its declaration in database/tables.ts.
 */
export const ENTITIES = [
  ContactEntryEntity,
  ContactEntryPersonEntity,
  FollowUpEntity,
  OpportunityEntity,
  OpportunityStageChangeEntity,
];
