import { ContactEntryEntity } from '../src/contact-entries/contact-entry.entity';
import { ContactEntryPersonEntity } from '../src/contact-entries/contact-entry-person.entity';
import { FollowUpEntity } from '../src/follow-ups/follow-up.entity';
import { OpportunityEntity } from '../src/opportunities/opportunity.entity';
import { OpportunityStageChangeEntity } from '../src/opportunities/opportunity-stage-change.entity';

/**
 * The tables still described by an entity class, for the schema-drift test only (the app loads no
 * entities). Goes when every table has its declaration in test/tables.ts.
 */
export const ENTITIES = [
  ContactEntryEntity,
  ContactEntryPersonEntity,
  FollowUpEntity,
  OpportunityEntity,
  OpportunityStageChangeEntity,
];
