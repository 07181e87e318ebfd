import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** Field name → [before, after]. */
export type AuditChanges = Record<string, [unknown, unknown]>;

@Entity('audit_events')
@Index('ix_audit_events_entity', { synchronize: false })
@Index('ix_audit_events_employer', { synchronize: false })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId: number | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'audit_events_actor_id_fkey' })
  actor?: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'integer' })
  entityId: number;

  @Column({ type: 'jsonb' })
  changes: AuditChanges;

  /** The employer whose timeline shows this event, when it concerns an employer's records. */
  @Column({ name: 'employer_id', type: 'integer', nullable: true })
  employerId: number | null;
}
