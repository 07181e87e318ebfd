import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { formatFinnishDate, type EmployerWorkplaceLearningDto } from '@tyoelama/shared';

import { injectCanWrite } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DataTable, figureColumn } from '../ui/data-table';
import { followLoads } from '../ui/follow-loads';
import { LoadStatus } from '../ui/load-status';
import { WorkplaceLearningApi } from './workplace-learning-api';

const numberFormat = new Intl.NumberFormat('fi-FI');

/** A `YYYY-MM-DD` day as `24.11.2026`. */
export function finnishDay(value: string): string {
  return formatFinnishDate(`${value}T12:00:00Z`);
}

/**
 * The employer page's "Työpaikalla oppiminen" section: students hosted (KOSKI, eHOKS), instructors
 * and Työelämäpalaute (Arvo). The employer page defers it, so it never slows the page's first render.
 */
@Component({
  selector: 'app-employer-workplace-learning',
  imports: [RouterLink, TranslatePipe, DataTable, LoadStatus],
  templateUrl: './employer-workplace-learning.html',
  styleUrl: './employer-workplace-learning.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerWorkplaceLearning {
  private readonly api = inject(WorkplaceLearningApi);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);

  readonly employerId = input.required<number>();

  protected readonly data = signal<EmployerWorkplaceLearningDto | null>(null);
  protected readonly load = followLoads(
    toObservable(this.employerId),
    (id) => this.api.forEmployer(id),
    (data) => this.data.set(data),
  );
  /** The import page is for those who may change employers. */
  protected readonly canImport = injectCanWrite('employers');

  protected readonly yearColumns = [
    'workplaceLearning.years.year',
    figureColumn('workplaceLearning.years.trainingAgreement'),
    figureColumn('workplaceLearning.years.apprenticeship'),
    figureColumn('workplaceLearning.years.total'),
  ];
  protected readonly surveyColumns = [
    'workplaceLearning.surveys.halfYear',
    'workplaceLearning.surveys.state',
    'workplaceLearning.surveys.deadline',
    figureColumn('workplaceLearning.surveys.answers'),
  ];
  protected readonly formatNumber = (value: number) => numberFormat.format(value);
  protected readonly day = finnishDay;

  /** Students in the current year (the first row when it is this year's). */
  protected readonly thisYear = computed(() => {
    const data = this.data();
    if (!data) return null;
    const year = Number(data.today.slice(0, 4));
    return { year, students: data.years.find((row) => row.year === year)?.total ?? 0 };
  });

  protected halfYear(value: string): string {
    const [year, half] = value.split('-');
    return this.i18n.t('workplaceLearning.surveys.halfYearValue', { year, half });
  }

  /** Moves to the person in the contact persons section of the same page. */
  protected showPerson(contactPersonId: number): void {
    const person = this.document.querySelector<HTMLElement>(`[data-person="${contactPersonId}"]`);
    if (!person) return;
    person.setAttribute('tabindex', '-1');
    person.scrollIntoView({ block: 'center' });
    person.focus();
  }
}
