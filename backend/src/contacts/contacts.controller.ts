import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ContactPersonDto,
  type ContactPersonExportDto,
  createContactPersonSchema,
  updateContactPersonSchema,
} from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CanWrite, CurrentUser } from '../auth';
import { ApiBodyFrom, IdPipe, ZodPipe } from '../http/validation';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get('employers/:employerId/contacts')
  @CanRead('contactPersons')
  listForEmployer(
    @CurrentUser() caller: AuthUser,
    @Param('employerId', IdPipe) employerId: number,
  ): Promise<ContactPersonDto[]> {
    return this.contacts.listForEmployer(caller, employerId);
  }

  @Post('employers/:employerId/contacts')
  @CanWrite('contactPersons')
  @ApiBodyFrom(createContactPersonSchema)
  create(
    @CurrentUser() caller: AuthUser,
    @Param('employerId', IdPipe) employerId: number,
    @Body(new ZodPipe(createContactPersonSchema)) body: z.output<typeof createContactPersonSchema>,
  ): Promise<ContactPersonDto> {
    return this.contacts.create(caller, employerId, body);
  }

  @Get('contacts/:id')
  @CanRead('contactPersons')
  get(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<ContactPersonDto> {
    return this.contacts.get(caller, id);
  }

  @Patch('contacts/:id')
  @CanWrite('contactPersons')
  @ApiBodyFrom(updateContactPersonSchema)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body(new ZodPipe(updateContactPersonSchema)) body: z.output<typeof updateContactPersonSchema>,
  ): Promise<ContactPersonDto> {
    return this.contacts.update(caller, id, body);
  }

  @Delete('contacts/:id')
  @HttpCode(204)
  @CanWrite('contactPersons')
  async delete(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<void> {
    await this.contacts.delete(caller, id);
  }

  // Answering access and erasure requests is the team's job: the roles that manage contact persons.
  @Get('contacts/:id/export')
  @CanWrite('contactPersons')
  export(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<ContactPersonExportDto> {
    return this.contacts.export(caller, id);
  }

  @Post('contacts/:id/erase')
  @HttpCode(200)
  @CanWrite('contactPersons')
  erase(@CurrentUser() caller: AuthUser, @Param('id', IdPipe) id: number): Promise<ContactPersonDto> {
    return this.contacts.erase(caller, id);
  }
}
