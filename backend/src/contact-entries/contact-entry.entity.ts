import type { ContactTopic, ContactType } from '@tyoelama/shared';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('contact_entries')
@Check('contact_entries_type_check', `type IN ('phone', 'email', 'meeting', 'workplace_visit', 'event', 'other')`)
@Index('ix_contact_entries_employer_time', { synchronize: false })
@Index('ix_contact_entries_time', { synchronize: false })
export class ContactEntryEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'employer_id', type: 'integer' })
  employerId: number;


  @Column({ type: 'varchar', length: 20 })
  type: ContactType;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 300 })
  summary: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'campus_group_id', type: 'integer' })
  campusGroupId: number;

  @Column({ type: 'text', array: true, default: '{}' })
  topics: ContactTopic[];

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
