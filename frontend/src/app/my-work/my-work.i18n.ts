// The my-work feature's strings; fi.ts and en.ts mount them under 'myWork'.
export const myWorkFi = {
  title: 'Oma työ',
};

export const myWorkEn: typeof myWorkFi = {
  title: 'My work',
};
