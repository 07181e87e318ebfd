import type { NationalImportSource } from '@tyoelama/shared';
import { readArvo } from './arvo-file';
import { readEhoks } from './ehoks-file';
import { readKoski } from './koski-file';
import type { NationalFile } from './national-record';
import type { Pseudonymiser } from './pseudonymisation';

/** Reads an export of `source`; throws NationalFileRefused for a file that is none. */
export function readNationalFile(
  source: NationalImportSource,
  bytes: Buffer,
  pseudonymiser: Pseudonymiser,
): NationalFile {
  switch (source) {
    case 'koski':
      return readKoski(bytes, pseudonymiser);
    case 'ehoks':
      return readEhoks(bytes, pseudonymiser);
    case 'arvo_workplace':
      return readArvo(bytes, 'workplace');
    case 'arvo_instructor':
      return readArvo(bytes, 'instructor');
  }
}
