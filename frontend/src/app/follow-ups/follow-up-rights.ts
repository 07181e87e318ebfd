import { rightOf, type FollowUpDto, type Role } from '@tyoelama/shared';

/** Who may change this follow-up (PRODUCT.md's rights table): staff any, a campus member their own. */
export function canChangeFollowUp(
  me: { id: number; role: Role } | null | undefined,
  followUp: Pick<FollowUpDto, 'assigneeId'>,
): boolean {
  if (!me) return false;
  const write = rightOf(me.role, 'followUps').write;
  return write === 'all' || (write === 'assigned' && followUp.assigneeId === me.id);
}

/** Staff create follow-ups and hand them to others; a campus member's stay with themselves. */
export function canAssignFollowUps(me: { role: Role } | null | undefined): boolean {
  return !!me && rightOf(me.role, 'followUps').write === 'all';
}
