// The pipeline feature's strings; fi.ts and en.ts mount them under 'pipeline'.
export const pipelineFi = {
  title: 'Yhteistyömahdollisuudet',
};

export const pipelineEn: typeof pipelineFi = {
  title: 'Pipeline',
};
