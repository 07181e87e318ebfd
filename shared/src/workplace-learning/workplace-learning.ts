/**
 * Workplace learning as the national VET systems record it: periods of students at employers'
 * workplaces (KOSKI and eHOKS exports) and the Työelämäpalaute surveys about them (Arvo exports).
 */

/** Where a period was read from; one period can be known to both. */
export const WORKPLACE_LEARNING_SOURCES = ['koski', 'ehoks'] as const;
export type WorkplaceLearningSource = (typeof WORKPLACE_LEARNING_SOURCES)[number];

/** koulutussopimus (training agreement, no employment) or oppisopimus (apprenticeship, employed). */
export const WORKPLACE_LEARNING_KINDS = ['training_agreement', 'apprenticeship'] as const;
export type WorkplaceLearningKind = (typeof WORKPLACE_LEARNING_KINDS)[number];

/** Arvo's Työelämäpalaute: the workplace survey (työpaikkakysely) and the instructor survey (työpaikkaohjaajakysely). */
export const FEEDBACK_SURVEY_KINDS = ['workplace', 'instructor'] as const;
export type FeedbackSurveyKind = (typeof FEEDBACK_SURVEY_KINDS)[number];

/** A survey is answered once one answer came; unanswered it is open until its last day, then expired. */
export const FEEDBACK_SURVEY_STATES = ['open', 'answered', 'expired'] as const;
export type FeedbackSurveyState = (typeof FEEDBACK_SURVEY_STATES)[number];

/** The state of a survey on a day (`YYYY-MM-DD`), from its answer count and last valid day. */
export function feedbackSurveyState(answers: number, validUntil: string, today: string): FeedbackSurveyState {
  if (answers > 0) return 'answered';
  return validUntil >= today ? 'open' : 'expired';
}
