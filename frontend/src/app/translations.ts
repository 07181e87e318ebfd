import { accessibilityEn, accessibilityFi } from './accessibility/accessibility.i18n';
import { businessRegisterEn, businessRegisterFi } from './business-register/business-register.i18n';
import { calendarFeedEn, calendarFeedFi } from './calendar/calendar-feed.i18n';
import { changePasswordEn, changePasswordFi } from './change-password/change-password.i18n';
import { logContactEn, logContactFi } from './contact-entries/log-contact.i18n';
import { contactPersonsEn, contactPersonsFi } from './contact-persons/contact-persons.i18n';
import { coreEn } from './core/i18n/en';
import { coreFi } from './core/i18n/fi';
import { provideTranslations } from './core/i18n/i18n';
import { employerJourneyEn, employerJourneyFi } from './employer-journey/employer-journey.i18n';
import { employersEn, employersFi } from './employers/employers.i18n';
import { followUpsEn, followUpsFi } from './follow-ups/follow-ups.i18n';
import { myWorkEn, myWorkFi } from './follow-ups/my-work.i18n';
import { homeEn, homeFi } from './home/home.i18n';
import { importEn, importFi } from './imports/import.i18n';
import { nationalImportEn, nationalImportFi } from './imports/national-import.i18n';
import { pipelineEn, pipelineFi } from './opportunities/pipeline.i18n';
import { campusStatusEn, campusStatusFi } from './reports/campus-status.i18n';
import { dashboardEn, dashboardFi } from './reports/dashboard.i18n';
import { searchEn, searchFi } from './search/search.i18n';
import { timelineEn, timelineFi } from './timeline/timeline.i18n';
import { workplaceLearningEn, workplaceLearningFi } from './workplace-learning/workplace-learning.i18n';

// Finnish is the default language and the reference: the English dictionary must have the same keys.
export const fi = {
  ...coreFi,
  home: homeFi,
  employers: employersFi,
  employerJourney: employerJourneyFi,
  contactPersons: contactPersonsFi,
  timeline: timelineFi,
  myWork: myWorkFi,
  followUps: followUpsFi,
  pipeline: pipelineFi,
  logContact: logContactFi,
  accessibility: accessibilityFi,
  dashboard: dashboardFi,
  campusStatus: campusStatusFi,
  import: importFi,
  nationalImport: nationalImportFi,
  search: searchFi,
  calendarFeed: calendarFeedFi,
  changePassword: changePasswordFi,
  businessRegister: businessRegisterFi,
  workplaceLearning: workplaceLearningFi,
};

export const en: typeof fi = {
  ...coreEn,
  home: homeEn,
  employers: employersEn,
  employerJourney: employerJourneyEn,
  contactPersons: contactPersonsEn,
  timeline: timelineEn,
  myWork: myWorkEn,
  followUps: followUpsEn,
  pipeline: pipelineEn,
  logContact: logContactEn,
  accessibility: accessibilityEn,
  dashboard: dashboardEn,
  campusStatus: campusStatusEn,
  import: importEn,
  nationalImport: nationalImportEn,
  search: searchEn,
  calendarFeed: calendarFeedEn,
  changePassword: changePasswordEn,
  businessRegister: businessRegisterEn,
  workplaceLearning: workplaceLearningEn,
};

/** Core's texts and every feature's, for the I18n service (app.config, and every test through setup-jest). */
export const provideAppTranslations = () => provideTranslations({ fi, en });
