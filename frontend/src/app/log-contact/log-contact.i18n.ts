// The log-contact feature's strings; fi.ts and en.ts mount them under 'logContact'.
export const logContactFi = {
  title: 'Kirjaa yhteydenotto',
};

export const logContactEn: typeof logContactFi = {
  title: 'Log contact',
};
