import { Module } from '@nestjs/common';
import { CampusGroupsController } from './campus-groups.controller';
import { CampusGroupsService } from './campus-groups.service';

@Module({ controllers: [CampusGroupsController], providers: [CampusGroupsService] })
export class CampusGroupsModule {}
