import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ContactEntryDto,
  contactEntryListQuerySchema,
  type ContactEntryListQuery,
  createContactEntrySchema,
  type Page,
  rolesThatWriteAll,
  updateContactEntrySchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser, Roles } from '../auth';
import { ApiBodyFrom, IdPipe, ZodPipe } from '../http/validation';
import { ContactEntriesService } from './contact-entries.service';

@ApiTags('contact-entries')
@Controller('contact-entries')
export class ContactEntriesController {
  constructor(private readonly contactEntries: ContactEntriesService) {}

  @Get()
  @CanRead('contactEntries')
  list(
    @CurrentUser() caller: AuthUser,
    @Query(new ZodPipe(contactEntryListQuerySchema)) query: ContactEntryListQuery,
  ): Promise<Page<ContactEntryDto>> {
    return this.contactEntries.list(caller, query);
  }

  @Get(':id')
  @CanRead('contactEntries')
  get(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<ContactEntryDto> {
    return this.contactEntries.get(caller, id);
  }

  @Post()
  @CanWrite('contactEntries')
  @ApiBodyFrom(createContactEntrySchema)
  create(
    @CurrentUser() caller: AuthUser,
    @Body(new ZodPipe(createContactEntrySchema)) body: z.output<typeof createContactEntrySchema>,
  ): Promise<ContactEntryDto> {
    return this.contactEntries.create(caller, body);
  }

  @Patch(':id')
  @CanWrite('contactEntries')
  @ApiBodyFrom(updateContactEntrySchema)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(updateContactEntrySchema)) body: z.output<typeof updateContactEntrySchema>,
  ): Promise<ContactEntryDto> {
    return this.contactEntries.update(caller, id, body);
  }

  // History is kept: only staff may remove a contact logged by mistake.
  @Delete(':id')
  @HttpCode(204)
  @Roles(...rolesThatWriteAll('contactEntries'))
  remove(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<void> {
    return this.contactEntries.remove(caller, id);
  }
}
