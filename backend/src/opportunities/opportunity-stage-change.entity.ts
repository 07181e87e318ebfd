import type { OpportunityStage } from '@tyoelama/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OpportunityEntity } from './opportunity.entity';

@Entity('opportunity_stage_changes')
@Index('ix_opportunity_stage_changes_opportunity', { synchronize: false })
export class OpportunityStageChangeEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'opportunity_id', type: 'integer' })
  opportunityId: number;

  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id', foreignKeyConstraintName: 'opportunity_stage_changes_opportunity_id_fkey' })
  opportunity?: OpportunityEntity;

  @Column({ name: 'from_stage', type: 'varchar', length: 12, nullable: true })
  fromStage: OpportunityStage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 12 })
  toStage: OpportunityStage;

  @Column({ name: 'lost_reason', type: 'text', nullable: true })
  lostReason: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  @Column({ name: 'changed_by', type: 'integer', nullable: true })
  changedBy: number | null;

}
