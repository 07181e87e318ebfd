import { Foundation1764070000000 } from './migrations/1764070000000-Foundation';
import { CoreCrm1764080000000 } from './migrations/1764080000000-CoreCrm';
import { ReportsAndCalendar1764090000000 } from './migrations/1764090000000-ReportsAndCalendar';
import { Imports1764095000000 } from './migrations/1764095000000-Imports';
import { PerformanceIndexes1764099000000 } from './migrations/1764099000000-PerformanceIndexes';
import { EmployerNameWords1764110000000 } from './migrations/1764110000000-EmployerNameWords';
import { AuditRedactionFunction1764120000000 } from './migrations/1764120000000-AuditRedactionFunction';
import { EmployerNameKey1764121000000 } from './migrations/1764121000000-EmployerNameKey';
import { LoginThrottle1764140000000 } from './migrations/1764140000000-LoginThrottle';
import { SharedChanges1764237519000 } from './migrations/1764237519000-SharedChanges';
import { ReportRollups1764317000000 } from './migrations/1764317000000-ReportRollups';
import { RecentEmployerViews1764517300000 } from './migrations/1764517300000-RecentEmployerViews';
import { ContactEntryTrash1764600000000 } from './migrations/1764600000000-ContactEntryTrash';
import { GroupGlanceRollups1764600200000 } from './migrations/1764600200000-GroupGlanceRollups';
import { FollowUpsAssigneeWithId1764600300000 } from './migrations/1764600300000-FollowUpsAssigneeWithId';
import { WorkplaceLearning1764700000000 } from './migrations/1764700000000-WorkplaceLearning';
import { NationalImports1764700010000 } from './migrations/1764700010000-NationalImports';
import { BusinessRegisterRefresh1764700100000 } from './migrations/1764700100000-BusinessRegisterRefresh';
import { EmployerJourneySteps1764700200000 } from './migrations/1764700200000-EmployerJourneySteps';
import { EmployerActivityTriggerCondition1764700400000 } from './migrations/1764700400000-EmployerActivityTriggerCondition';
import { EmployerListCounts1764700500000 } from './migrations/1764700500000-EmployerListCounts';
import { PipelineRollups1764700600000 } from './migrations/1764700600000-PipelineRollups';
import { OpportunityIdleSince1764700700000 } from './migrations/1764700700000-OpportunityIdleSince';
import { StageChangesCoveringIndex1764700800000 } from './migrations/1764700800000-StageChangesCoveringIndex';

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
  SharedChanges1764237519000,
  ReportRollups1764317000000,
  RecentEmployerViews1764517300000,
  ContactEntryTrash1764600000000,
  GroupGlanceRollups1764600200000,
  FollowUpsAssigneeWithId1764600300000,
  WorkplaceLearning1764700000000,
  NationalImports1764700010000,
  BusinessRegisterRefresh1764700100000,
  EmployerJourneySteps1764700200000,
  EmployerActivityTriggerCondition1764700400000,
  EmployerListCounts1764700500000,
  PipelineRollups1764700600000,
  OpportunityIdleSince1764700700000,
  StageChangesCoveringIndex1764700800000,
];
