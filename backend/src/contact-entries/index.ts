export { ContactEntriesModule } from './contact-entries.module';
export { contactEntriesDeletedTable, contactEntriesTable, contactEntryPersonsTable } from './contact-entries.table';
