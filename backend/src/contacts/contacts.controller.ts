import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
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
import { IdParam, ValidBody } from '../http/validation';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get('employers/:employerId/contacts')
  @CanRead('contactPersons')
  listForEmployer(
    @CurrentUser() caller: AuthUser,
    @IdParam('employerId') employerId: number,
  ): Promise<ContactPersonDto[]> {
    return this.contacts.listForEmployer(caller, employerId);
  }

  @Post('employers/:employerId/contacts')
  @CanWrite('contactPersons')
  create(
    @CurrentUser() caller: AuthUser,
    @IdParam('employerId') employerId: number,
    @ValidBody(createContactPersonSchema) body: z.output<typeof createContactPersonSchema>,
  ): Promise<ContactPersonDto> {
    return this.contacts.create(caller, employerId, body);
  }

  @Get('contacts/:id')
  @CanRead('contactPersons')
  get(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<ContactPersonDto> {
    return this.contacts.get(caller, id);
  }

  @Patch('contacts/:id')
  @CanWrite('contactPersons')
  update(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: number,
    @ValidBody(updateContactPersonSchema) body: z.output<typeof updateContactPersonSchema>,
  ): Promise<ContactPersonDto> {
    return this.contacts.update(caller, id, body);
  }

  @Delete('contacts/:id')
  @HttpCode(204)
  @CanWrite('contactPersons')
  async delete(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<void> {
    await this.contacts.delete(caller, id);
  }

  // Answering access and erasure requests is the team's job: the roles that manage contact persons.
  @Get('contacts/:id/export')
  @CanWrite('contactPersons')
  export(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<ContactPersonExportDto> {
    return this.contacts.export(caller, id);
  }

  @Post('contacts/:id/erase')
  @HttpCode(200)
  @CanWrite('contactPersons')
  erase(@CurrentUser() caller: AuthUser, @IdParam() id: number): Promise<ContactPersonDto> {
    return this.contacts.erase(caller, id);
  }
}
