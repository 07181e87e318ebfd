// The employers feature's strings; fi.ts and en.ts mount them under 'employers'.
export const employersFi = {
  title: 'Työnantajat',
};

export const employersEn: typeof employersFi = {
  title: 'Employers',
};
