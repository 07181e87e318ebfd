import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';

import { Auth } from '../core/auth';

/** /campus-status: a member goes straight to their first group; others (or a member of none) pick one. */
export const firstOwnGroup: CanActivateFn = async () => {
  const router = inject(Router);
  const me = await inject(Auth).loadMe();
  const first = me?.role === 'campus_member' ? me.campusGroupIds[0] : undefined;
  return first ? router.createUrlTree(['/campus-status', first]) : true;
};
