import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContactEntryEntity } from './contact-entry.entity';

/** The contact persons involved in a contact entry. */
@Entity('contact_entry_persons')
@Index('ix_contact_entry_persons_person', { synchronize: false })
export class ContactEntryPersonEntity {
  @PrimaryColumn({ name: 'contact_entry_id', type: 'integer' })
  contactEntryId: number;

  @PrimaryColumn({ name: 'contact_person_id', type: 'integer' })
  contactPersonId: number;

  @ManyToOne(() => ContactEntryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_entry_id', foreignKeyConstraintName: 'contact_entry_persons_contact_entry_id_fkey' })
  contactEntry?: ContactEntryEntity;

}
