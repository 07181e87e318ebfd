import type { ImportReport, ImportRowDto, ImportStatus } from '@tyoelama/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampusGroupEntity } from '../campus-groups/campus-group.entity';
import { UserEntity } from '../users/user.entity';

@Entity('import_batches')
@Index('ix_import_batches_created_at', { synchronize: false })
@Check('import_batches_status_check', `status IN ('preview', 'committing', 'done', 'failed')`)
export class ImportBatchEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id: number;

  @Column({ name: 'created_by', type: 'integer' })
  createdBy: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'import_batches_created_by_fkey' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 10, default: 'preview' })
  status: ImportStatus;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'owner_campus_group_id', type: 'integer' })
  ownerCampusGroupId: number;

  @ManyToOne(() => CampusGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_campus_group_id', foreignKeyConstraintName: 'import_batches_owner_campus_group_id_fkey' })
  ownerCampusGroup?: CampusGroupEntity;

  @Column({ name: 'account_manager_id', type: 'integer', nullable: true })
  accountManagerId: number | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'account_manager_id', foreignKeyConstraintName: 'import_batches_account_manager_id_fkey' })
  accountManager?: UserEntity;

  @Column({ type: 'jsonb' })
  rows: ImportRowDto[];

  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'jsonb', nullable: true })
  report: ImportReport | null;
}
