// What other features may use of the employer journey; everything else in this folder is private to it.
export { EmployerJourneyModule } from './employer-journey.module';
