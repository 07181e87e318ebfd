import type { IndustryClassification } from '../industries/industry-sections';
import type { RegisterSituation } from '../employers/employer-register';

/** An employer's public facts from the Finnish business register (PRH YTJ open data), for prefilling a form. */
export interface BusinessRegisterCompanyDto {
  businessId: string;
  name: string;
  /** The current company form in Finnish ("Osakeyhtiö"), when the register has one. */
  companyForm?: string;
  streetAddress: string | null;
  postcode: string | null;
  municipality: string | null;
  industryClassification: IndustryClassification;
  industrySection?: string;
  industryCode?: string;
  website?: string;
  /** Ongoing bankruptcy, liquidation or restructuring. */
  situations: RegisterSituation[];
  /** The day the company ceased, if it has. */
  ceasedOn: string | null;
}

export const REGISTER_REFRESH_STATUSES = ['running', 'done', 'failed'] as const;
export type RegisterRefreshStatus = (typeof REGISTER_REFRESH_STATUSES)[number];

/** The admin's "refresh from YTJ" job: one at a time, its state in the database. */
export interface RegisterRefreshDto {
  id: number;
  status: RegisterRefreshStatus;
  /** Employers checked so far, of `total` (those with a Y-tunnus when the job started). */
  progress: number;
  total: number;
  /** Employers whose register facts changed in this run. */
  changed: number;
  /** Employers with a flag after their check. */
  flagged: number;
  notFound: number;
  /** Employers the register could not answer for (skipped after retries). */
  failed: number;
  /** Why the job stopped, when it failed (an error code). */
  error: string | null;
  startedBy: number | null;
  startedByName: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** The refresh screen: the running or latest job (null when none ever ran) and the configured pace. */
export interface RegisterRefreshStateDto {
  job: RegisterRefreshDto | null;
  requestsPerSecond: number;
}
