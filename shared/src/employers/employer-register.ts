/**
 * What the business register (PRH YTJ) said of an employer at its last check. The CRM's own fields
 * are never overwritten by a refresh: the register's facts are kept beside them and shown as flags.
 */

/** PRH's special situations (`companySituations[].type`): KONK, SELTILA, SANE. */
export const REGISTER_SITUATIONS = ['bankruptcy', 'liquidation', 'restructuring'] as const;
export type RegisterSituation = (typeof REGISTER_SITUATIONS)[number];

/** Why an employer needs a look: the register no longer knows it, it has ceased, a situation, or its name changed. */
export const REGISTER_FLAGS = ['not_found', 'ceased', ...REGISTER_SITUATIONS, 'name_changed'] as const;
export type RegisterFlag = (typeof REGISTER_FLAGS)[number];

/** The register's facts about an employer, as last checked. */
export interface EmployerRegisterFacts {
  /** False when the register had no company with the employer's Y-tunnus. */
  found: boolean;
  /** The register's current company name. */
  name: string | null;
  situations: RegisterSituation[];
  /** The day the company ceased (the register's `endDate`), if it has. */
  ceasedOn: string | null;
  checkedAt: string;
  /** What needs a look, worked out against the CRM's own name. */
  flags: RegisterFlag[];
}
