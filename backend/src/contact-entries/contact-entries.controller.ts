import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ContactEntryDto,
  contactEntryListQuerySchema,
  type ContactEntryListQuery,
  createContactEntrySchema,
  type Page,
  updateContactEntrySchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser } from '../auth';
import { IdParam, ValidBody, ValidQuery } from '../http/validation';
import { ContactEntriesService } from './contact-entries.service';

@ApiTags('contact-entries')
@Controller('contact-entries')
export class ContactEntriesController {
  constructor(private readonly contactEntries: ContactEntriesService) {}

  @Get()
  @CanRead('contactEntries')
  list(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(contactEntryListQuerySchema) query: ContactEntryListQuery,
  ): Promise<Page<ContactEntryDto>> {
    return this.contactEntries.list(caller, query);
  }

  @Get(':id')
  @CanRead('contactEntries')
  get(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<ContactEntryDto> {
    return this.contactEntries.get(caller, id);
  }

  @Post()
  @CanWrite('contactEntries')
  create(
    @CurrentUser() caller: AuthUser,
    @ValidBody(createContactEntrySchema) body: z.output<typeof createContactEntrySchema>,
  ): Promise<ContactEntryDto> {
    return this.contactEntries.create(caller, body);
  }

  @Patch(':id')
  @CanWrite('contactEntries')
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(updateContactEntrySchema) body: z.output<typeof updateContactEntrySchema>,
  ): Promise<ContactEntryDto> {
    return this.contactEntries.update(caller, id, body);
  }

  // Campus members may delete only what they logged (checked on the row); undo is `restore`.
  @Delete(':id')
  @HttpCode(204)
  @CanWrite('contactEntries')
  remove(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<void> {
    return this.contactEntries.remove(caller, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @CanWrite('contactEntries')
  restore(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<ContactEntryDto> {
    return this.contactEntries.restore(caller, id);
  }
}
