import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Unique } from 'typeorm';
import { UserEntity } from '../users/user.entity';

@Entity('calendar_feeds')
@Unique('uq_calendar_feeds_token_hash', ['tokenHash'])
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId: number;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'calendar_feeds_user_id_fkey' })
  user?: UserEntity;

  /** SHA-256 (hex) of the secret token in the feed URL. */
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
