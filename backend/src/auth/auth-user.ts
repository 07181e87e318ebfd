import type { Me } from '@tyoelama/shared';
import type { Request } from 'express';

/** The signed-in caller, attached to the request by the auth guard. */
export interface AuthUser extends Me {
  sessionTokenHash: string;
}

export type AuthenticatedRequest = Request & { auth?: AuthUser };
