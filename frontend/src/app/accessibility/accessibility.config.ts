/**
 * The facts the accessibility statement (saavutettavuusseloste) states, in one place so that the
 * college can set its own feedback address and update the dates without touching the texts.
 *
 * Supervising authority: the Act on the Provision of Digital Services (306/2019) names the authority
 * that supervises accessibility. Etelä-Suomen aluehallintovirasto did this until the task moved to
 * the Finnish Transport and Communications Agency Traficom. Check the authority's current contact
 * details (website, registry email, switchboard) at https://www.saavutettavuusvaatimukset.fi and
 * https://www.traficom.fi before publishing a new version of the statement.
 */
export const ACCESSIBILITY_STATEMENT = {
  /** Where users send accessibility feedback and requests for content in an accessible form. */
  feedbackEmail: 'saavutettavuus@example.fi',
  /** Date the statement was prepared and last reviewed (ISO date). */
  preparedOn: '2026-11-25',
  reviewedOn: '2026-11-25',
  supervisor: {
    website: 'https://www.saavutettavuusvaatimukset.fi',
    websiteLabel: 'www.saavutettavuusvaatimukset.fi',
    email: 'kirjaamo@traficom.fi',
    phone: '029 534 5000',
  },
} as const;
