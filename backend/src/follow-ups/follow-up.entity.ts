import type { FollowUpStatus } from '@tyoelama/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContactEntryEntity } from '../contact-entries/contact-entry.entity';

@Entity('follow_ups')
@Check('follow_ups_status_check', `status IN ('open', 'done', 'cancelled')`)
@Index('ix_follow_ups_assignee', { synchronize: false })
@Index('ix_follow_ups_employer', { synchronize: false })
@Index('ix_follow_ups_contact_entry', { synchronize: false })
export class FollowUpEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'employer_id', type: 'integer' })
  employerId: number;


  @Column({ name: 'contact_entry_id', type: 'integer', nullable: true })
  contactEntryId: number | null;

  @ManyToOne(() => ContactEntryEntity)
  @JoinColumn({ name: 'contact_entry_id', foreignKeyConstraintName: 'follow_ups_contact_entry_id_fkey' })
  contactEntry?: ContactEntryEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ name: 'assignee_id', type: 'integer' })
  assigneeId: number;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: FollowUpStatus;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'integer', nullable: true })
  completedBy: number | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
