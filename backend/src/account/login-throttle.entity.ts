import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Failed sign-ins counted per scope (login-throttle.ts); keys are hashes, so no email or address is stored. */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 10, primaryKeyConstraintName: 'pk_login_throttle' })
  scope: string;

  @PrimaryColumn({ name: 'key_hash', type: 'char', length: 64, primaryKeyConstraintName: 'pk_login_throttle' })
  keyHash: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;

  @Index('ix_login_throttle_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
