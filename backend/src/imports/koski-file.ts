import type { WorkplaceLearningKind } from '@tyoelama/shared';
import { at, isObject, type Json, type JsonObject, list, localized, parseJson, text } from './national-json';
import { type NationalFile, notAnExport, type PeriodRecord } from './national-record';
import { Collector, newPeriod, RecordCheck } from './national-record-check';
import type { Pseudonymiser } from './pseudonymisation';

// KOSKI massaluovutus: students (henkilö + opiskeluoikeudet) → suoritukset → koulutussopimukset and
// osaamisenHankkimistavat (Ammatillinen.scala: Koulutussopimusjakso, OsaamisenHankkimistapajakso).

interface KoskiStudyRight {
  oid: string | null;
  studyRight: JsonObject;
}

/** The export's study rights with their student's OID, from the shapes massaluovutus and the oppija API give. */
function koskiStudyRights(document: Json): KoskiStudyRight[] | null {
  const entries = Array.isArray(document)
    ? document
    : isObject(document) && Array.isArray(document['oppijat'])
      ? document['oppijat']
      : isObject(document) && Array.isArray(document['opiskeluoikeudet'])
        ? at(document, 'henkilö') || at(document, 'oppijaOid')
          ? [document]
          : document['opiskeluoikeudet']
        : null;
  if (!entries) return null;
  const rights: KoskiStudyRight[] = [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    const studentOid = text(at(entry, 'henkilö', 'oid'), 100) ?? text(entry['oppijaOid'], 100);
    if (Array.isArray(entry['opiskeluoikeudet'])) {
      for (const right of entry['opiskeluoikeudet']) {
        if (isObject(right)) rights.push({ oid: studentOid ?? text(right['oppijaOid'], 100), studyRight: right });
      }
    } else if (Array.isArray(entry['suoritukset'])) rights.push({ oid: studentOid, studyRight: entry });
  }
  // Entries none of which holds a study right (an eHOKS file, say): no KOSKI export.
  return entries.length > 0 && rights.length === 0 ? null : rights;
}

export function readKoski(bytes: Buffer, pseudonymiser: Pseudonymiser): NationalFile<PeriodRecord> {
  const rights = koskiStudyRights(parseJson(bytes));
  if (!rights) throw notAnExport('KOSKI');
  const collector = new Collector<PeriodRecord>((record) => record.period_key);
  rights.forEach(({ oid, studyRight }, rightIndex) => {
    list(studyRight['suoritukset']).forEach((completion, completionIndex) => {
      const qualification = {
        qualification_code: text(at(completion, 'koulutusmoduuli', 'tunniste', 'koodiarvo'), 20),
        qualification_name: localized(at(completion, 'koulutusmoduuli', 'tunniste', 'nimi')),
        campus_name: localized(at(completion, 'toimipiste', 'nimi')),
      };
      const item = (kind: string, index: number) => `${rightIndex + 1}/${completionIndex + 1}/${kind}${index + 1}`;
      list(at(completion, 'koulutussopimukset')).forEach((period, index) => {
        collector.counted();
        const check = new RecordCheck(item('k', index));
        const path = `koulutussopimukset.${index}`;
        collector.add(
          check,
          koskiPeriod(check, pseudonymiser, oid, path, {
            kind: 'training_agreement',
            start: at(period, 'alku'),
            end: at(period, 'loppu'),
            businessId: at(period, 'työssäoppimispaikanYTunnus'),
            businessIdPath: 'työssäoppimispaikanYTunnus',
            workplace: localized(at(period, 'työssäoppimispaikka')),
            ...qualification,
          }),
        );
      });
      list(at(completion, 'osaamisenHankkimistavat')).forEach((period, index) => {
        const way = at(period, 'osaamisenHankkimistapa');
        // Training agreements are read from koulutussopimukset, which name the workplace; school-based
        // learning is no workplace period.
        if (text(at(way, 'tunniste', 'koodiarvo')) !== 'oppisopimus') return;
        collector.counted();
        const check = new RecordCheck(item('o', index));
        const path = `osaamisenHankkimistavat.${index}`;
        const termination = at(way, 'oppisopimus', 'oppisopimuksenPurkaminen');
        const record = koskiPeriod(check, pseudonymiser, oid, path, {
          kind: 'apprenticeship',
          start: at(period, 'alku'),
          end: at(period, 'loppu'),
          businessId: at(way, 'oppisopimus', 'työnantaja', 'yTunnus'),
          businessIdPath: 'osaamisenHankkimistapa.oppisopimus.työnantaja.yTunnus',
          workplace: localized(at(way, 'oppisopimus', 'työnantaja', 'nimi')),
          ...qualification,
        });
        if (isObject(termination)) {
          record.apprenticeship_ended_on = check.optionalDate(
            termination['päivä'],
            `${path}.osaamisenHankkimistapa.oppisopimus.oppisopimuksenPurkaminen.päivä`,
          );
          record.ended_in_trial =
            typeof termination['purettuKoeajalla'] === 'boolean' ? termination['purettuKoeajalla'] : null;
        }
        collector.add(check, record);
      });
    });
  });
  return collector.file();
}

function koskiPeriod(
  check: RecordCheck,
  pseudonymiser: Pseudonymiser,
  oid: string | null,
  path: string,
  values: {
    kind: WorkplaceLearningKind;
    start: Json;
    end: Json;
    businessId: Json;
    businessIdPath: string;
    workplace: string | null;
    qualification_code: string | null;
    qualification_name: string | null;
    campus_name: string | null;
  },
): PeriodRecord {
  if (!oid) check.add('henkilö.oid', 'required');
  const startsOn = check.requiredDate(values.start, `${path}.alku`);
  const endsOn = check.optionalDate(values.end, `${path}.loppu`);
  check.ordered(startsOn, endsOn, `${path}.loppu`);
  const businessId = check.businessId(values.businessId, `${path}.${values.businessIdPath}`);
  return newPeriod(pseudonymiser, oid ?? '', values.kind, startsOn, endsOn, businessId, values.workplace, {
    qualification_code: values.qualification_code,
    qualification_name: values.qualification_name,
    campus_name: values.campus_name,
  });
}
