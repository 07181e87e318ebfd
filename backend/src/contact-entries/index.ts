export { ContactEntriesModule } from './contact-entries.module';
export { contactEntriesTable, contactEntryPersonsTable } from './contact-entries.table';
