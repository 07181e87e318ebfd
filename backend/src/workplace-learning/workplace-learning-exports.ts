import type { CallList, WorkplaceLearningKind } from '@tyoelama/shared';
import { type ExportColumn, finnishDay, finnishInstant } from '../exports';
import type {
  CallListEmployerRow,
  CallListRawRows,
  PeriodWithoutBusinessIdRow,
  UnknownBusinessIdRow,
} from './call-list-reads';

/** The CSV columns of each call list (Finnish headers, like the other exports). */

const KIND_FI: Record<WorkplaceLearningKind, string> = {
  training_agreement: 'koulutussopimus',
  apprenticeship: 'oppisopimus',
};

const employerColumns = (figure: ExportColumn<CallListEmployerRow>[]): ExportColumn<CallListEmployerRow>[] => [
  { header: 'Työnantaja', value: (row) => row.employer_name },
  { header: 'Työnantajan tunnus', value: (row) => row.employer_id },
  { header: 'Vastuuhenkilö', value: (row) => row.account_manager_name },
  ...figure,
  { header: 'Viimeisin yhteydenotto', value: (row) => finnishInstant(row.last_contact_at) },
];

const periodColumns: ExportColumn<PeriodWithoutBusinessIdRow>[] = [
  { header: 'Työpaikka', value: (row) => row.workplace_name },
  { header: 'Sopimusmuoto', value: (row) => KIND_FI[row.kind] },
  { header: 'Alkaa', value: (row) => finnishDay(row.starts_on) },
  { header: 'Päättyy', value: (row) => finnishDay(row.ends_on) },
  { header: 'Tutkintokoodi', value: (row) => row.qualification_code },
  { header: 'Tutkinto', value: (row) => row.qualification_name },
  { header: 'Toimipiste', value: (row) => row.campus_name },
];

const unknownColumns: ExportColumn<UnknownBusinessIdRow>[] = [
  { header: 'Y-tunnus', value: (row) => row.business_id },
  { header: 'Työpaikka', value: (row) => row.workplace_name },
  { header: 'Jaksoja', value: (row) => row.periods },
  { header: 'Opiskelijoita', value: (row) => row.students },
  { header: 'Viimeisin jakso alkaa', value: (row) => finnishDay(row.latest_starts_on) },
  { header: 'Toimipisteet', value: (row) => row.campus_names.join(', ') },
];

export const CALL_LIST_EXPORTS: { [L in CallList]: { fileBase: string; columns: ExportColumn<CallListRawRows[L]>[] } } =
  {
    'no-recent-contact': {
      fileBase: 'soittolista-ei-yhteytta-90-paivaan',
      columns: employerColumns([{ header: 'Opiskelijoita nyt', value: (row) => row.students_now }]),
    },
    'survey-deadline': {
      fileBase: 'soittolista-tyopaikkakysely-sulkeutuu',
      columns: employerColumns([
        { header: 'Kysely sulkeutuu', value: (row) => finnishDay(row.survey_deadline) },
        { header: 'Kyselyn linkki', value: (row) => row.survey_url },
      ]),
    },
    'lapsed-hosts': {
      fileBase: 'soittolista-ei-opiskelijoita-tana-vuonna',
      columns: employerColumns([{ header: 'Opiskelijoita viime vuonna', value: (row) => row.last_year_students }]),
    },
    'periods-without-business-id': { fileBase: 'jaksot-ilman-y-tunnusta', columns: periodColumns },
    'unknown-business-ids': { fileBase: 'tuntemattomat-y-tunnukset', columns: unknownColumns },
  };
