import type { EmployerStatus, IndustryClassification, SizeClass } from '@tyoelama/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CampusGroupEntity } from '../campus-groups/campus-group.entity';
import { UserEntity } from '../users/user.entity';

@Entity('employers')
@Check('employers_status_check', `status IN ('prospect', 'partner', 'inactive')`)
@Check('employers_size_class_check', `size_class IN ('1-9', '10-49', '50-249', '250+')`)
@Check('employers_industry_classification_check', `industry_classification IN ('TOL2008', 'TOL2025')`)
// Expression, partial and GIN indexes live in the migrations.
@Index('uq_employers_business_id', { synchronize: false })
@Index('ix_employers_name_words', { synchronize: false })
@Index('ix_employers_name_key', { synchronize: false })
@Index('ix_employers_sort_name', { synchronize: false })
@Index('ix_employers_last_contact', { synchronize: false })
@Index('ix_employers_next_follow_up', { synchronize: false })
@Index('ix_employers_account_manager', { synchronize: false })
@Index('ix_employers_tags', { synchronize: false })
@Index('ix_employers_sort_last_contact', { synchronize: false })
@Index('ix_employers_sort_last_contact_desc', { synchronize: false })
@Index('ix_employers_sort_next_follow_up', { synchronize: false })
@Index('ix_employers_sort_next_follow_up_desc', { synchronize: false })
export class EmployerEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'business_id', type: 'varchar', length: 9, nullable: true })
  businessId: string | null;

  @Column({ name: 'industry_classification', type: 'varchar', length: 7, nullable: true })
  industryClassification: IndustryClassification | null;

  @Column({ name: 'industry_section', type: 'varchar', length: 1, nullable: true })
  industrySection: string | null;

  @Column({ name: 'industry_code', type: 'varchar', length: 5, nullable: true })
  industryCode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  municipality: string | null;

  @Column({ name: 'street_address', type: 'varchar', length: 200, nullable: true })
  streetAddress: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  postcode: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ name: 'size_class', type: 'varchar', length: 6, nullable: true })
  sizeClass: SizeClass | null;

  @Column({ name: 'owner_campus_group_id', type: 'integer' })
  ownerCampusGroupId: number;

  @ManyToOne(() => CampusGroupEntity)
  @JoinColumn({ name: 'owner_campus_group_id', foreignKeyConstraintName: 'employers_owner_campus_group_id_fkey' })
  ownerCampusGroup?: CampusGroupEntity;

  @Column({ name: 'account_manager_id', type: 'integer', nullable: true })
  accountManagerId: number | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'account_manager_id', foreignKeyConstraintName: 'employers_account_manager_id_fkey' })
  accountManager?: UserEntity;

  @Column({ type: 'varchar', length: 10, default: 'prospect' })
  status: EmployerStatus;

  @Column({ type: 'text', array: true, default: '{}' })
  tags: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** Derived from contact entries, kept for sorting and "no contact for N days". */
  @Column({ name: 'last_contact_at', type: 'timestamptz', nullable: true })
  lastContactAt: Date | null;

  /** Derived from open follow-ups. */
  @Column({ name: 'next_follow_up_due', type: 'date', nullable: true })
  nextFollowUpDue: string | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy: number | null;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'employers_created_by_fkey' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
