import { Foundation1764070000000 } from './migrations/1764070000000-Foundation';
import { CoreCrm1764080000000 } from './migrations/1764080000000-CoreCrm';

/** Listed explicitly (no glob), so the compiled app and ts-jest load the same classes. */
export const MIGRATIONS = [Foundation1764070000000, CoreCrm1764080000000];
