import { Pipe, PipeTransform } from '@angular/core';
import { formatFinnishDate } from '@tyoelama/shared';

/**
 * `{{ employer.lastContactAt | finnishDate: ('common.never' | t) }}`: an instant as `24.11.2026`,
 * or the fallback when there is none. The format is numeric in both languages, so the pipe is pure.
 */
@Pipe({ name: 'finnishDate' })
export class FinnishDatePipe implements PipeTransform {
  transform(value: string | null | undefined, fallback = ''): string {
    return value ? formatFinnishDate(value) : fallback;
  }
}
