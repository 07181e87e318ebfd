export { ContactEntriesModule } from './contact-entries.module';
