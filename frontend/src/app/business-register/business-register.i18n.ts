// The business register (YTJ) refresh screen's strings; translations.ts mounts them under 'businessRegister'.
import type { RegisterRefreshStatus } from '@tyoelama/shared';

export const businessRegisterFi = {
  title: 'Päivitä YTJ:stä',
  link: 'Päivitä YTJ:stä',
  intro:
    'Tarkistaa YTJ:stä kaikki työnantajat, joilla on Y-tunnus ({rate} kyselyä sekunnissa). Omia tietoja ei muuteta: lakkaamiset, konkurssit, selvitystilat ja nimenmuutokset näkyvät YTJ-huomioina. Päivitys jatkuu, vaikka suljet sivun.',
  start: 'Päivitä YTJ:stä',
  resume: 'Jatka keskeytynyttä päivitystä',
  progress: 'Tarkistettu {done} / {total}',
  changed: 'Muuttuneet YTJ-tiedot',
  flagged: 'YTJ-huomioita',
  notFound: 'Ei löytynyt YTJ:stä',
  startedBy: 'Aloittaja',
  finishedAt: 'Päättyi',
  failed: 'YTJ ei vastannut, joten päivitys keskeytyi. Voit jatkaa siitä, mihin se jäi.',
  showFlagged: 'Näytä työnantajat, joilla on YTJ-huomioita',
  never: 'YTJ-päivitystä ei ole vielä tehty.',
  statuses: {
    running: 'Päivitys käynnissä',
    done: 'Päivitys valmis',
    failed: 'Päivitys keskeytyi',
  } satisfies Record<RegisterRefreshStatus, string>,
};

export const businessRegisterEn: typeof businessRegisterFi = {
  title: 'Refresh from YTJ',
  link: 'Refresh from YTJ',
  intro:
    'Checks every employer with a business ID in YTJ ({rate} requests a second). Own details are not changed: ceased, bankrupt or liquidating companies and name changes show as register flags. It goes on if you close this page.',
  start: 'Refresh from YTJ',
  resume: 'Resume the interrupted refresh',
  progress: 'Checked {done} of {total}',
  changed: 'Register details changed',
  flagged: 'Register flags',
  notFound: 'Not found in YTJ',
  startedBy: 'Started by',
  finishedAt: 'Finished',
  failed: 'YTJ did not answer, so the refresh stopped. You can resume it where it left off.',
  showFlagged: 'Show employers with register flags',
  never: 'No refresh from YTJ has been run yet.',
  statuses: {
    running: 'Refresh running',
    done: 'Refresh finished',
    failed: 'Refresh stopped',
  },
};
