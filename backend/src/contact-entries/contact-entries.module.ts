import { Module } from '@nestjs/common';
import { FollowUpsModule } from '../follow-ups';
import { ContactEntriesController } from './contact-entries.controller';
import { ContactEntriesService } from './contact-entries.service';

@Module({ imports: [FollowUpsModule], controllers: [ContactEntriesController], providers: [ContactEntriesService] })
export class ContactEntriesModule {}
