// The my-work feature's strings; fi.ts and en.ts mount them under 'myWork'.
export const myWorkFi = {
  title: 'Oma työ',
  heading: 'Oma työ',
  intro: 'Sinulle osoitetut avoimet jatkotoimenpiteet eräpäivän mukaan.',
  groupHeading: '{label} ({count})',
  groups: {
    overdue: 'Myöhässä',
    today: 'Tänään',
    week: 'Tällä viikolla',
    later: 'Myöhemmin',
  },
  emptyGroup: {
    overdue: 'Ei myöhässä olevia.',
    today: 'Ei tälle päivälle.',
    week: 'Ei seuraavalle seitsemälle päivälle.',
    later: 'Ei myöhemmin erääntyviä.',
  },
  noneOpen: 'Ei avoimia jatkotoimenpiteitä.',
  undo: 'Kumoa',
  undone: 'Palautettu avoimeksi: {title}',
  stale: 'Joku muu muutti jatkotoimenpidettä sillä välin. Lista on päivitetty.',
  truncated: 'Näytetään {shown} / {total} avointa jatkotoimenpidettä.',
  onlyGroup: 'Näytetään vain: {label}.',
  showAllGroups: 'Näytä kaikki eräpäivät',
};

export const myWorkEn: typeof myWorkFi = {
  title: 'My work',
  heading: 'My work',
  intro: 'Open follow-ups assigned to you, by due date.',
  groupHeading: '{label} ({count})',
  groups: {
    overdue: 'Overdue',
    today: 'Today',
    week: 'This week',
    later: 'Later',
  },
  emptyGroup: {
    overdue: 'Nothing overdue.',
    today: 'Nothing due today.',
    week: 'Nothing due in the next seven days.',
    later: 'Nothing due later.',
  },
  noneOpen: 'No open follow-ups.',
  undo: 'Undo',
  undone: 'Reopened: {title}',
  stale: 'Someone else changed the follow-up in the meantime. The list has been refreshed.',
  truncated: 'Showing {shown} of {total} open follow-ups.',
  onlyGroup: 'Showing only: {label}.',
  showAllGroups: 'Show all due dates',
};
