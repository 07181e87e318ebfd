import {
  currentJourneyStep,
  EMPLOYER_JOURNEY_STEPS,
  helsinkiDate,
  type CampusGroupDto,
  type EmployerJourneyDto,
  type EmployerJourneyStep,
  type EmployerJourneyStepDto,
  type FollowUpDto,
  type Me,
  type Page,
  type Role,
} from '@tyoelama/shared';

// Test data for the specs (only specs import this folder: it is not part of the app bundle).

const PEOPLE: Record<Role, Omit<Me, 'role'>> = {
  admin: { id: 2, email: 'admin@example.fi', displayName: 'Anna Admin', campusGroupIds: [], locale: 'fi' },
  account_manager: { id: 1, email: 'aino@example.fi', displayName: 'Aino Asiakas', campusGroupIds: [], locale: 'fi' },
  campus_member: { id: 3, email: 'kalle@example.fi', displayName: 'Kalle Kampus', campusGroupIds: [1], locale: 'fi' },
  leadership: { id: 9, email: 'johto@example.fi', displayName: 'Jaana Johto', campusGroupIds: [], locale: 'fi' },
};

/** A user of `role` (one person a role, so a spec's texts name someone), with `overrides`. */
export function userWithRole(role: Role, overrides: Partial<Me> = {}): Me {
  return { ...PEOPLE[role], role, ...overrides };
}

export function page<T>(items: T[], nextCursor: string | null = null, total = items.length): Page<T> {
  return { items, total, nextCursor };
}

export function campusGroup(id: number, name: string, campus: string, memberCount = 4): CampusGroupDto {
  return { id, name, campus, memberCount, createdAt: '', updatedAt: '', version: 1 };
}

/** An open follow-up of employer `10 + id`, assigned to the account manager of userWithRole; overdue by its date. */
export function followUpDto(id: number, overrides: Partial<FollowUpDto> = {}): FollowUpDto {
  const dueDate = overrides.dueDate ?? helsinkiDate();
  return {
    id,
    employerId: 10 + id,
    employerName: `Työnantaja ${id}`,
    contactEntryId: null,
    title: `Jatkotoimenpide ${id}`,
    notes: null,
    dueDate,
    assigneeId: PEOPLE.account_manager.id,
    assigneeName: PEOPLE.account_manager.displayName,
    status: 'open',
    completedAt: null,
    completedByName: null,
    createdById: PEOPLE.account_manager.id,
    createdAt: '',
    updatedAt: '',
    version: 1,
    overdue: dueDate < helsinkiDate(),
    ...overrides,
  };
}

/** An employer's journey with the given steps' fields (others not reached). */
export function employerJourneyDto(
  employerId: number,
  steps: Partial<Record<EmployerJourneyStep, Partial<EmployerJourneyStepDto>>> = {},
  instructorNamedOn: string | null = null,
): EmployerJourneyDto {
  const all = EMPLOYER_JOURNEY_STEPS.map((step): EmployerJourneyStepDto => ({
    step,
    reachedOn: null,
    source: null,
    derivedOn: null,
    manualOn: null,
    setByName: null,
    setAt: null,
    version: 0,
    ...steps[step],
  }));
  return { employerId, steps: all, currentStep: currentJourneyStep(all), instructorNamedOn };
}
