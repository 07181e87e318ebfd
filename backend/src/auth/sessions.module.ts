import { Module } from '@nestjs/common';
import { SessionsService } from './sessions.service';

/** Sessions sit below users and auth, so both can use them without a module cycle. */
@Module({ providers: [SessionsService], exports: [SessionsService] })
export class SessionsModule {}
