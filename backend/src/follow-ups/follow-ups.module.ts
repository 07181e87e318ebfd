import { Module } from '@nestjs/common';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';

@Module({ controllers: [FollowUpsController], providers: [FollowUpsService], exports: [FollowUpsService] })
export class FollowUpsModule {}
