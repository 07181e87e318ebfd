// Zod-free, so that a screen needing only these values (the employer list's filters and sorting)
// does not load and run the schemas of employer.ts.

export const EMPLOYER_STATUSES = ['prospect', 'partner', 'inactive'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];

export const SIZE_CLASSES = ['1-9', '10-49', '50-249', '250+'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const EMPLOYER_SORTS = ['name', 'status', 'lastContact', 'nextFollowUp', 'accountManager'] as const;
export type EmployerSort = (typeof EMPLOYER_SORTS)[number];
/** The list's `sort` parameter: a sort field, `-` in front for descending (`-lastContact`). */
export type EmployerSortParam = EmployerSort | `-${EmployerSort}`;
