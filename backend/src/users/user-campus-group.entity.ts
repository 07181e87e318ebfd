import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CampusGroupEntity } from '../campus-groups/campus-group.entity';
import { UserEntity } from './user.entity';

/** Membership of a user in a campus group: the "own groups" of PRODUCT.md's rights. */
@Entity('user_campus_groups')
export class UserCampusGroupEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId: number;

  @Index('ix_user_campus_groups_group')
  @PrimaryColumn({ name: 'campus_group_id', type: 'integer' })
  campusGroupId: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_campus_groups_user_id_fkey' })
  user?: UserEntity;

  @ManyToOne(() => CampusGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campus_group_id', foreignKeyConstraintName: 'user_campus_groups_campus_group_id_fkey' })
  campusGroup?: CampusGroupEntity;
}
