// What other features may use of contacts; everything else in this folder is private to it.
export { ContactsModule } from './contacts.module';
export { contactPersonRefsSql, employerPersonIds } from './contacts.table';
