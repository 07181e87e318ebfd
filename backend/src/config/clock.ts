import { Injectable } from '@nestjs/common';

/** The time as the app sees it: one seam, so tests move time instead of waiting for it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
