import * as z from 'zod/mini';
import { helsinkiDate } from '../common/dates';
import { dateField, versionField } from '../common/fields';

/**
 * The employer journey PRODUCT.md describes ("The employer journey the team serves"), in its order:
 * first contact or a need → suitability and capacity check → agreement → instructor briefing →
 * guidance visits during the workplace period → competence demonstration and assessment →
 * Työelämäpalaute feedback → continuing partnership or recruitment.
 */
export const EMPLOYER_JOURNEY_STEPS = [
  'first_contact',
  'suitability',
  'agreement',
  'instructor_briefing',
  'guidance',
  'competence_demonstration',
  'feedback',
  'continuing_partnership',
] as const;
export type EmployerJourneyStep = (typeof EMPLOYER_JOURNEY_STEPS)[number];

/**
 * How the CRM can tell that a step was reached, from its own data; `null` = nothing the CRM holds
 * says so, the team sets the date by hand. The one place these rules are written: the backend's SQL
 * implements them (employer-journey.table.ts) and the strip shows them as each step's description.
 * A date set by hand always wins over the derived one.
 */
export const EMPLOYER_JOURNEY_RULES: Record<EmployerJourneyStep, { fi: string; en: string } | null> = {
  first_contact: {
    fi: 'Ensimmäisen kirjatun yhteydenoton päivä.',
    en: 'The date of the first logged contact entry.',
  },
  // The CRM records nothing about tasks, tools or a qualified instructor being checked.
  suitability: null,
  agreement: {
    fi: 'Aikaisin näistä: koulutussopimus- tai oppisopimusmahdollisuus siirtyi vaiheeseen "Toteutunut", tai ensimmäinen työpaikalla oppimisen jakso (KOSKI/eHOKS) alkoi (tai tuotiin, jos alkaa myöhemmin).',
    en: 'The earliest of: a training-agreement or apprenticeship opportunity reached the stage "Won", or the first workplace-learning period (KOSKI/eHOKS) started (or was imported, if it starts later).',
  },
  // Naming an instructor belongs to the agreement; only a logged briefing session shows the briefing.
  instructor_briefing: {
    fi: 'Ensimmäinen tapaaminen, työpaikkakäynti tai tapahtuma, jonka aiheena on työpaikkaohjaajakoulutus. Pelkkä nimetty ohjaaja ei riitä.',
    en: 'The first meeting, workplace visit or event logged with the topic workplace-instructor training. A named instructor alone does not count.',
  },
  // A period merely running is not guidance: the strip must show a promised visit that was not made.
  guidance: {
    fi: 'Ensimmäinen kirjattu työpaikkakäynti jonkin työpaikalla oppimisen jakson aikana.',
    en: 'The first workplace visit logged during one of the workplace-learning periods.',
  },
  // A contact about a näyttö is not the näyttö itself; the CRM does not hold assessments.
  competence_demonstration: null,
  feedback: {
    fi: 'Työpaikka- tai työpaikkaohjaajakyselyyn (Työelämäpalaute) on vastattu; päivä on kyselyn viimeinen voimassaolopäivä tai tuontipäivä, kumpi on aiempi.',
    en: 'A workplace or instructor survey (Työelämäpalaute) was answered; the date is the survey’s last valid day or its import date, whichever is earlier.',
  },
  continuing_partnership: {
    fi: 'Aikaisin näistä: jaksoja on alkanut kahtena eri vuonna (toisen vuoden ensimmäinen alku), työnantaja on ollut kumppani yli vuoden, tai rekrytointimahdollisuus toteutui.',
    en: 'The earliest of: periods started in two different years (the first start in the second year), the employer has been a partner for over a year, or a recruitment opportunity was won.',
  },
};

/** Whether a step's date was worked out from the data or set by a person. */
export type EmployerJourneySource = 'derived' | 'manual';

export interface EmployerJourneyStepDto {
  step: EmployerJourneyStep;
  /** The date shown: the manual one when set, else the derived one; null = not reached. */
  reachedOn: string | null;
  source: EmployerJourneySource | null;
  /** What the data says, also when a manual date overrides it (null = nothing, or not derivable). */
  derivedOn: string | null;
  /** Set by hand: the date, by whom and when (null when no manual date is in force). */
  manualOn: string | null;
  setByName: string | null;
  setAt: string | null;
  /** The version a change of this step's manual date must name; 0 = never set by hand. */
  version: number;
}

export interface EmployerJourneyDto {
  employerId: number;
  /** All steps, in journey order. */
  steps: EmployerJourneyStepDto[];
  /** The reached step furthest along the journey (the strip's aria-current), null when none. */
  currentStep: EmployerJourneyStep | null;
  /**
   * When a workplace instructor was first named (a period with an instructor, or a contact person
   * with the role työpaikkaohjaaja): a hint for the briefing step, not a reached step.
   */
  instructorNamedOn: string | null;
}

/** A date set by hand cannot lie ahead: a step is reached when it has happened (Europe/Helsinki). */
const notInFuture = z.refine<string | null>((value) => value === null || value <= helsinkiDate(), {
  message: 'Must not be in the future',
  params: { code: 'date_in_future' },
});

/**
 * `PATCH /api/employers/:employerId/journey`: sets one step's date by hand (`reachedOn`), or clears
 * it (`null`, the derived date applies again). `version` is the step's version as read (0 = never set).
 */
export const setEmployerJourneyStepSchema = z.strictObject({
  step: z.enum(EMPLOYER_JOURNEY_STEPS),
  reachedOn: z.nullable(dateField).check(notInFuture),
  version: versionField,
});
export type SetEmployerJourneyStepRequest = z.input<typeof setEmployerJourneyStepSchema>;

/** The reached step furthest along the journey. */
export function currentJourneyStep(
  steps: readonly Pick<EmployerJourneyStepDto, 'step' | 'reachedOn'>[],
): EmployerJourneyStep | null {
  let current: EmployerJourneyStep | null = null;
  for (const step of EMPLOYER_JOURNEY_STEPS) {
    if (steps.some((item) => item.step === step && item.reachedOn !== null)) current = step;
  }
  return current;
}
