import {
  type ContactEntryListQuery,
  type ContactTopic,
  type ContactType,
  type EmployerListQuery,
  type EmployerStatus,
  type FollowUpListQuery,
  type FollowUpStatus,
  type OpportunityListQuery,
  type OpportunityStage,
  type OpportunityType,
} from '@tyoelama/shared';
import type { AuthUser } from '../auth';
import { readScope } from '../auth';
import { SqlParams } from '../database/sql';
import { employerVisibleSql } from '../employers';
import {
  EMPLOYER_LIST_FROM,
  employerFilterSql,
  keysetOrderSql,
  keysetSort,
  relevanceOrderSql,
  searchThresholdSql,
} from '../employers';
import { followUpFilterConditions, followUpOverdueSql } from '../follow-ups';
import { OPPORTUNITY_VIEW_FROM, opportunityListConditions } from '../opportunities';
import { type ExportColumn, finnishDay, finnishInstant } from './export-writers';

/** What one export runs: optional set-up statements, the query in the list's order, and the columns. */
export interface ExportDefinition<R> {
  /** File name without date and extension, e.g. `tyonantajat`. */
  fileBase: string;
  sheetName: string;
  setup: { sql: string; params: unknown[] }[];
  sql: string;
  params: unknown[];
  columns: ExportColumn<R>[];
}

const STATUS_FI: Record<EmployerStatus, string> = {
  prospect: 'prospekti',
  partner: 'kumppani',
  inactive: 'ei aktiivinen',
};
const CONTACT_TYPE_FI: Record<ContactType, string> = {
  phone: 'puhelu',
  email: 'sähköposti',
  meeting: 'tapaaminen',
  workplace_visit: 'työpaikkakäynti',
  event: 'tapahtuma',
  other: 'muu',
};
const TOPIC_FI: Record<ContactTopic, string> = {
  training_agreement: 'koulutussopimus',
  apprenticeship: 'oppisopimus',
  recruitment: 'rekrytointi',
  instructor_training: 'työpaikkaohjaajakoulutus',
  competence_demonstration: 'näyttö',
  feedback: 'palaute',
  development_project: 'kehittämishanke',
  other: 'muu',
};
const FOLLOW_UP_STATUS_FI: Record<FollowUpStatus, string> = { open: 'avoin', done: 'tehty', cancelled: 'peruttu' };
const OPPORTUNITY_TYPE_FI: Record<OpportunityType, string> = {
  training_agreement: 'koulutussopimuspaikat',
  apprenticeship: 'oppisopimus',
  recruitment: 'rekrytointi',
  co_development: 'yhteiskehittämishanke',
  other: 'muu',
};
const STAGE_FI: Record<OpportunityStage, string> = {
  identified: 'tunnistettu',
  contacted: 'yhteydessä',
  negotiating: 'neuvotteluissa',
  agreed: 'sovittu',
  won: 'toteutunut',
  lost: 'menetetty',
};

// ---- employers: the very filters, scope and order of GET /api/employers (employer-list-sql.ts)

export interface EmployerExportRow {
  name: string;
  business_id: string | null;
  status: EmployerStatus;
  industry_section: string | null;
  industry_code: string | null;
  municipality: string | null;
  street_address: string | null;
  postcode: string | null;
  website: string | null;
  size_class: string | null;
  owner_campus_group_name: string;
  account_manager_name: string | null;
  tags: string[];
  description: string | null;
  last_contact_at: Date | null;
  next_follow_up_due: string | null;
  archived_at: Date | null;
}

/** Header names the import reads back, so an exported file can be re-imported. */
const EMPLOYER_COLUMNS: ExportColumn<EmployerExportRow>[] = [
  { header: 'Nimi', value: (row) => row.name },
  { header: 'Y-tunnus', value: (row) => row.business_id },
  { header: 'Tila', value: (row) => STATUS_FI[row.status] },
  { header: 'Toimiala', value: (row) => row.industry_code ?? row.industry_section },
  { header: 'Kunta', value: (row) => row.municipality },
  { header: 'Katuosoite', value: (row) => row.street_address },
  { header: 'Postinumero', value: (row) => row.postcode },
  { header: 'Verkkosivu', value: (row) => row.website },
  { header: 'Kokoluokka', value: (row) => row.size_class },
  { header: 'Omistava Campus-ryhmä', value: (row) => row.owner_campus_group_name },
  { header: 'Asiakaspäällikkö', value: (row) => row.account_manager_name },
  { header: 'Tunnisteet', value: (row) => row.tags.join(', ') },
  { header: 'Kuvaus', value: (row) => row.description },
  { header: 'Viimeisin yhteydenotto', value: (row) => finnishInstant(row.last_contact_at) },
  { header: 'Seuraava jatkotoimenpide', value: (row) => finnishDay(row.next_follow_up_due) },
  { header: 'Arkistoitu', value: (row) => finnishInstant(row.archived_at) },
];

export function employersExport(caller: AuthUser, query: EmployerListQuery): ExportDefinition<EmployerExportRow> {
  const params = new SqlParams();
  const where = employerFilterSql(readScope(caller, 'employers'), query, params);
  const order = query.q && !query.sort ? relevanceOrderSql(query.q, params) : keysetOrderSql(keysetSort(query.sort));
  const setup = [];
  if (query.q) {
    const thresholdParams = new SqlParams();
    setup.push({ sql: searchThresholdSql(query.q, thresholdParams), params: thresholdParams.values });
  }
  return {
    fileBase: 'tyonantajat',
    sheetName: 'Työnantajat',
    setup,
    sql: `SELECT e.name, e.business_id, e.status, e.industry_section, e.industry_code, e.municipality, e.street_address,
                 e.postcode, e.website, e.size_class, og.name AS owner_campus_group_name,
                 am.display_name AS account_manager_name, e.tags, e.description, e.last_contact_at,
                 e.next_follow_up_due::text AS next_follow_up_due, e.archived_at
            FROM ${EMPLOYER_LIST_FROM} WHERE ${where.join(' AND ')} ORDER BY ${order}`,
    params: params.values,
    columns: EMPLOYER_COLUMNS,
  };
}

// ---- contact entries: as ContactEntriesService.list (its WHERE is not exported, so repeated here)

export interface ContactEntryExportRow {
  occurred_at: Date;
  occurred_time: string;
  employer_name: string;
  type: ContactType;
  summary: string;
  notes: string | null;
  contact_persons: string | null;
  campus_group_name: string;
  topics: ContactTopic[];
  created_by_name: string | null;
}

const CONTACT_ENTRY_COLUMNS: ExportColumn<ContactEntryExportRow>[] = [
  { header: 'Päivämäärä', value: (row) => finnishInstant(row.occurred_at) },
  { header: 'Kellonaika', value: (row) => row.occurred_time },
  { header: 'Työnantaja', value: (row) => row.employer_name },
  { header: 'Tyyppi', value: (row) => CONTACT_TYPE_FI[row.type] },
  { header: 'Yhteenveto', value: (row) => row.summary },
  { header: 'Muistiinpanot', value: (row) => row.notes },
  { header: 'Yhteyshenkilöt', value: (row) => row.contact_persons },
  { header: 'Campus-ryhmä', value: (row) => row.campus_group_name },
  { header: 'Aiheet', value: (row) => row.topics.map((topic) => TOPIC_FI[topic]).join(', ') },
  { header: 'Kirjaaja', value: (row) => row.created_by_name },
];

export function contactEntriesExport(
  caller: AuthUser,
  query: ContactEntryListQuery,
): ExportDefinition<ContactEntryExportRow> {
  const params = new SqlParams();
  const where = [employerVisibleSql(readScope(caller, 'contactEntries'), 'c.employer_id', params)];
  if (query.employerId) where.push(`c.employer_id = ${params.add(Number(query.employerId))}`);
  return {
    fileBase: 'yhteydenotot',
    sheetName: 'Yhteydenotot',
    setup: [],
    sql: `SELECT c.occurred_at, to_char(c.occurred_at AT TIME ZONE 'Europe/Helsinki', 'HH24.MI') AS occurred_time,
                 e.name AS employer_name, c.type, c.summary, c.notes, g.name AS campus_group_name, c.topics,
                 u.display_name AS created_by_name,
                 (SELECT string_agg(p.name, ', ' ORDER BY p.name, p.id)
                    FROM contact_entry_persons cp JOIN contact_persons p ON p.id = cp.contact_person_id
                   WHERE cp.contact_entry_id = c.id) AS contact_persons
            FROM contact_entries c
            JOIN employers e ON e.id = c.employer_id
            JOIN campus_groups g ON g.id = c.campus_group_id
            LEFT JOIN users u ON u.id = c.created_by
           WHERE ${where.join(' AND ')}
           ORDER BY c.occurred_at DESC, c.id DESC`,
    params: params.values,
    columns: CONTACT_ENTRY_COLUMNS,
  };
}

// ---- follow-ups: the same filters as FollowUpsService.list

export interface FollowUpExportRow {
  due_date: string;
  employer_name: string;
  title: string;
  assignee_name: string;
  status: FollowUpStatus;
  overdue: boolean;
  completed_at: Date | null;
  notes: string | null;
}

const FOLLOW_UP_COLUMNS: ExportColumn<FollowUpExportRow>[] = [
  { header: 'Eräpäivä', value: (row) => finnishDay(row.due_date) },
  { header: 'Työnantaja', value: (row) => row.employer_name },
  { header: 'Tehtävä', value: (row) => row.title },
  { header: 'Vastuuhenkilö', value: (row) => row.assignee_name },
  { header: 'Tila', value: (row) => FOLLOW_UP_STATUS_FI[row.status] },
  { header: 'Myöhässä', value: (row) => (row.overdue ? 'kyllä' : 'ei') },
  { header: 'Valmistunut', value: (row) => finnishInstant(row.completed_at) },
  { header: 'Muistiinpanot', value: (row) => row.notes },
];

export function followUpsExport(caller: AuthUser, query: FollowUpListQuery): ExportDefinition<FollowUpExportRow> {
  const params = new SqlParams();
  const where = [
    employerVisibleSql(readScope(caller, 'followUps'), 'f.employer_id', params),
    ...followUpFilterConditions(caller, query, params),
  ];
  return {
    fileBase: 'jatkotoimenpiteet',
    sheetName: 'Jatkotoimenpiteet',
    setup: [],
    sql: `SELECT f.due_date::text AS due_date, e.name AS employer_name, f.title, a.display_name AS assignee_name, f.status,
                 ${followUpOverdueSql('f')} AS overdue, f.completed_at, f.notes
            FROM follow_ups f
            JOIN employers e ON e.id = f.employer_id
            JOIN users a ON a.id = f.assignee_id
           WHERE ${where.join(' AND ')}
           ORDER BY f.due_date, f.id`,
    params: params.values,
    columns: FOLLOW_UP_COLUMNS,
  };
}

// ---- opportunities: the same filters as OpportunitiesService.list

export interface OpportunityExportRow {
  employer_name: string;
  title: string;
  type: OpportunityType;
  stage: OpportunityStage;
  expected_places: number | null;
  expected_start: string | null;
  campus_group_name: string;
  owner_name: string | null;
  lost_reason: string | null;
  stage_changed_at: Date;
}

const OPPORTUNITY_COLUMNS: ExportColumn<OpportunityExportRow>[] = [
  { header: 'Työnantaja', value: (row) => row.employer_name },
  { header: 'Otsikko', value: (row) => row.title },
  { header: 'Tyyppi', value: (row) => OPPORTUNITY_TYPE_FI[row.type] },
  { header: 'Vaihe', value: (row) => STAGE_FI[row.stage] },
  { header: 'Opiskelijapaikat', value: (row) => row.expected_places },
  { header: 'Arvioitu alku', value: (row) => finnishDay(row.expected_start) },
  { header: 'Campus-ryhmä', value: (row) => row.campus_group_name },
  { header: 'Vastuuhenkilö', value: (row) => row.owner_name },
  { header: 'Menetyksen syy', value: (row) => row.lost_reason },
  { header: 'Vaihe muuttunut', value: (row) => finnishInstant(row.stage_changed_at) },
];

export function opportunitiesExport(
  caller: AuthUser,
  query: OpportunityListQuery,
): ExportDefinition<OpportunityExportRow> {
  const params = new SqlParams();
  const where = opportunityListConditions(readScope(caller, 'opportunities'), query, params);
  return {
    fileBase: 'yhteistyomahdollisuudet',
    sheetName: 'Yhteistyömahdollisuudet',
    setup: [],
    sql: `SELECT e.name AS employer_name, o.title, o.type, o.stage, o.expected_places, o.expected_start::text AS expected_start,
                 g.name AS campus_group_name, u.display_name AS owner_name, o.lost_reason, o.stage_changed_at
            FROM ${OPPORTUNITY_VIEW_FROM}
           WHERE ${where.join(' AND ')}
           ORDER BY o.stage_changed_at DESC, o.id DESC`,
    params: params.values,
    columns: OPPORTUNITY_COLUMNS,
  };
}
