import { Foundation1764070000000 } from './migrations/1764070000000-Foundation';
import { CoreCrm1764080000000 } from './migrations/1764080000000-CoreCrm';
import { ReportsAndCalendar1764090000000 } from './migrations/1764090000000-ReportsAndCalendar';
import { Imports1764095000000 } from './migrations/1764095000000-Imports';
import { PerformanceIndexes1764099000000 } from './migrations/1764099000000-PerformanceIndexes';
import { EmployerNameWords1764110000000 } from './migrations/1764110000000-EmployerNameWords';
import { AuditRedactionFunction1764120000000 } from './migrations/1764120000000-AuditRedactionFunction';
import { EmployerNameKey1764121000000 } from './migrations/1764121000000-EmployerNameKey';
import { LoginThrottle1764140000000 } from './migrations/1764140000000-LoginThrottle';

/** Listed explicitly (no glob), so the compiled app and ts-jest load the same classes. */
export const MIGRATIONS = [
  Foundation1764070000000,
  CoreCrm1764080000000,
  ReportsAndCalendar1764090000000,
  Imports1764095000000,
  PerformanceIndexes1764099000000,
  EmployerNameWords1764110000000,
  AuditRedactionFunction1764120000000,
  EmployerNameKey1764121000000,
  LoginThrottle1764140000000,
];
