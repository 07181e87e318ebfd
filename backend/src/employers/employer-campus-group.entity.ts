import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CampusGroupEntity } from '../campus-groups/campus-group.entity';
import { EmployerEntity } from './employer.entity';

/** The campus groups that see an employer: its owning group and the others working with it. */
@Entity('employer_campus_groups')
@Index('ix_employer_campus_groups_group', { synchronize: false })
export class EmployerCampusGroupEntity {
  @PrimaryColumn({ name: 'employer_id', type: 'integer' })
  employerId: number;

  @PrimaryColumn({ name: 'campus_group_id', type: 'integer' })
  campusGroupId: number;

  @ManyToOne(() => EmployerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'employer_campus_groups_employer_id_fkey' })
  employer?: EmployerEntity;

  @ManyToOne(() => CampusGroupEntity)
  @JoinColumn({ name: 'campus_group_id', foreignKeyConstraintName: 'employer_campus_groups_campus_group_id_fkey' })
  campusGroup?: CampusGroupEntity;
}
