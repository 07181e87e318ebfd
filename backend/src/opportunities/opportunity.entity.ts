import type { OpportunityStage, OpportunityType } from '@tyoelama/shared';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('opportunities')
@Check('opportunities_type_check', `type IN ('training_agreement', 'apprenticeship', 'recruitment', 'co_development', 'other')`)
@Check('opportunities_stage_check', `stage IN ('identified', 'contacted', 'negotiating', 'agreed', 'won', 'lost')`)
@Check('opportunities_expected_places_check', `expected_places >= 0`)
@Check('opportunities_lost_reason_check', `stage <> 'lost' OR lost_reason IS NOT NULL`)
@Index('ix_opportunities_employer', { synchronize: false })
@Index('ix_opportunities_stage', { synchronize: false })
export class OpportunityEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'employer_id', type: 'integer' })
  employerId: number;


  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  type: OpportunityType;

  @Column({ name: 'expected_places', type: 'integer', nullable: true })
  expectedPlaces: number | null;

  @Column({ name: 'expected_start', type: 'date', nullable: true })
  expectedStart: string | null;

  @Column({ name: 'campus_group_id', type: 'integer' })
  campusGroupId: number;

  @Column({ name: 'owner_id', type: 'integer', nullable: true })
  ownerId: number | null;

  @Column({ type: 'varchar', length: 12, default: 'identified' })
  stage: OpportunityStage;

  @Column({ name: 'lost_reason', type: 'text', nullable: true })
  lostReason: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'stage_changed_at', type: 'timestamptz', default: () => 'now()' })
  stageChangedAt: Date;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
