import type { WorkplaceLearningKind } from '@tyoelama/shared';
import { at, isObject, type Json, type JsonObject, list, parseJson, text } from './national-json';
import { type NationalFile, notAnExport, type PeriodRecord } from './national-record';
import { Collector, newPeriod, RecordCheck } from './national-record-check';
import type { Pseudonymiser } from './pseudonymisation';

// eHOKS: HOKS documents (oppija-oid) → hankittavat tutkinnon osat → osaamisen-hankkimistavat with
// tyopaikalla-jarjestettava-koulutus and its vastuullinen-tyopaikka-ohjaaja (hoks/schema.clj).

const EHOKS_KINDS: Record<string, WorkplaceLearningKind> = {
  osaamisenhankkimistapa_koulutussopimus: 'training_agreement',
  osaamisenhankkimistapa_oppisopimus: 'apprenticeship',
};

const PHONE = /^\+?[0-9 ()-]{5,30}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,185}\.[^\s@]{2,}$/;

/** The ways of learning of a HOKS: those of its vocational, local and common parts (the latter per osa-alue). */
function ehoksWays(hoks: JsonObject): { part: string; ways: Json[] }[] {
  const parts: { part: string; ways: Json[] }[] = [];
  for (const key of ['hankittavat-ammat-tutkinnon-osat', 'hankittavat-paikalliset-tutkinnon-osat']) {
    list(hoks[key]).forEach((part, index) =>
      parts.push({ part: `${key}.${index}`, ways: list(at(part, 'osaamisen-hankkimistavat')) }),
    );
  }
  list(hoks['hankittavat-yhteiset-tutkinnon-osat']).forEach((part, index) =>
    list(at(part, 'osa-alueet')).forEach((area, areaIndex) =>
      parts.push({
        part: `hankittavat-yhteiset-tutkinnon-osat.${index}.osa-alueet.${areaIndex}`,
        ways: list(at(area, 'osaamisen-hankkimistavat')),
      }),
    ),
  );
  return parts;
}

export function readEhoks(bytes: Buffer, pseudonymiser: Pseudonymiser): NationalFile<PeriodRecord> {
  const document = parseJson(bytes);
  const hoksList = Array.isArray(document)
    ? document
    : isObject(document) && Array.isArray(document['data'])
      ? document['data']
      : isObject(document) && 'oppija-oid' in document
        ? [document]
        : null;
  if (!hoksList || hoksList.some((hoks) => !isObject(hoks) || !('oppija-oid' in hoks))) throw notAnExport('eHOKS');
  const collector = new Collector<PeriodRecord>((record) => record.period_key);
  hoksList.forEach((hoks, hoksIndex) => {
    const oid = text((hoks as JsonObject)['oppija-oid'], 100);
    ehoksWays(hoks as JsonObject).forEach(({ part, ways }, partIndex) =>
      ways.forEach((way, wayIndex) => {
        const kind = EHOKS_KINDS[text(at(way, 'osaamisen-hankkimistapa-koodi-uri')) ?? ''];
        if (!kind) return;
        collector.counted();
        const check = new RecordCheck(`${hoksIndex + 1}/${partIndex + 1}/${wayIndex + 1}`);
        const path = `${part}.osaamisen-hankkimistavat.${wayIndex}`;
        if (!oid) check.add('oppija-oid', 'required');
        const startsOn = check.requiredDate(at(way, 'alku'), `${path}.alku`);
        const endsOn = check.optionalDate(at(way, 'loppu'), `${path}.loppu`);
        check.ordered(startsOn, endsOn, `${path}.loppu`);
        const workplace = at(way, 'tyopaikalla-jarjestettava-koulutus');
        const businessId = check.businessId(
          at(workplace, 'tyopaikan-y-tunnus'),
          `${path}.tyopaikalla-jarjestettava-koulutus.tyopaikan-y-tunnus`,
        );
        const partTime = at(way, 'osa-aikaisuustieto');
        const partTimePercent =
          typeof partTime === 'number' && Number.isInteger(partTime) && partTime >= 1 && partTime <= 100
            ? partTime
            : null;
        if (partTime !== undefined && partTime !== null && partTimePercent === null) {
          check.add(`${path}.osa-aikaisuustieto`, 'invalid_number');
        }
        const instructor = at(workplace, 'vastuullinen-tyopaikka-ohjaaja');
        const instructorName = text(at(instructor, 'nimi'), 200);
        const email = text(at(instructor, 'sahkoposti'), 254);
        const phone = text(at(instructor, 'puhelinnumero'), 30);
        collector.add(
          check,
          newPeriod(
            pseudonymiser,
            oid ?? '',
            kind,
            startsOn,
            endsOn,
            businessId,
            text(at(workplace, 'tyopaikan-nimi')),
            {
              part_time_percent: partTimePercent,
              instructor_name: instructorName,
              // A malformed address or number is left out rather than stored: the person is still named.
              instructor_email: instructorName && email && EMAIL.test(email) ? email : null,
              instructor_phone: instructorName && phone && PHONE.test(phone) ? phone : null,
            },
          ),
        );
      }),
    );
  });
  return collector.file();
}
