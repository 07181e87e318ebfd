import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDemoPlan } from '../seed/demo-data';
import { buildNationalSamples, type SampleEmployer } from './national-samples';

/**
 * Writes the sample national exports to samples/national/: KOSKI and eHOKS JSON and the two Arvo
 * CSVs, about the demo seed's employers (most periods), some unknown Y-tunnus and some periods
 * without one. Run with `npm run samples:national`; the output is committed and only changes with
 * this script or the demo seed.
 */
const OUT = resolve(__dirname, '../../../../samples/national');

// The employers' Y-tunnus and persons do not depend on the clock, only on the demo seed.
const plan = buildDemoPlan({ now: new Date('2026-01-12T10:00:00Z'), today: '2026-01-12' });
const employers: SampleEmployer[] = plan.employers.flatMap((employer, index) =>
  employer.businessId
    ? [
        {
          businessId: employer.businessId,
          name: employer.name,
          persons: plan.persons.filter((person) => person.employer === index),
        },
      ]
    : [],
);
// A third of the demo employers host students: the rest stay as they are.
const hosting = employers.filter((_, index) => index % 3 === 0);
const samples = buildNationalSamples({ seed: 13_2026, students: 220, employers: hosting });

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'koski-massaluovutus.json'), JSON.stringify(samples.koski, null, 1) + '\n');
writeFileSync(join(OUT, 'ehoks.json'), JSON.stringify(samples.ehoks, null, 1) + '\n');
writeFileSync(join(OUT, 'arvo-tyopaikkakysely.csv'), samples.arvoWorkplace);
writeFileSync(join(OUT, 'arvo-tyopaikkaohjaajakysely.csv'), samples.arvoInstructor);
console.log(`Wrote ${samples.students.length} students and ${samples.periods} periods to ${OUT}`);
