import {
  type ContactEntryDto,
  contactEntryListQuerySchema,
  createContactEntrySchema,
  updateContactEntrySchema,
} from '@tyoelama/shared';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser, ResourceRoutes } from '../auth';
import { ApiController, RecordAction, RecordDeletion } from '../http/routes';
import { IdParam } from '../http/validation';
import { ContactEntriesService } from './contact-entries.service';

@ApiController('contact-entries')
export class ContactEntriesController extends ResourceRoutes(ContactEntriesService, {
  rights: { read: CanRead('contactEntries'), create: CanWrite('contactEntries'), update: CanWrite('contactEntries') },
  schemas: { list: contactEntryListQuerySchema, create: createContactEntrySchema, update: updateContactEntrySchema },
}) {
  // Campus members may delete only what they logged (checked on the row); undo is `restore`.
  @RecordDeletion(CanWrite('contactEntries'))
  remove(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<void> {
    return this.writes.remove(caller, id);
  }

  @RecordAction('restore', CanWrite('contactEntries'))
  restore(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<ContactEntryDto> {
    return this.writes.restore(caller, id);
  }
}
