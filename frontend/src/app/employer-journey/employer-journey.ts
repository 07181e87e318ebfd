import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  type ApiError,
  EMPLOYER_JOURNEY_RULES,
  EMPLOYER_JOURNEY_STEPS,
  type EmployerJourneyDto,
  type EmployerJourneyStepDto,
  formatFinnishDate,
  helsinkiDate,
  setEmployerJourneyStepSchema,
  validate,
} from '@tyoelama/shared';

import { ApiErrorPipe } from '../core/i18n/api-error-pipe';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { injectFocusAfterRender } from '../ui/busy-ids';
import { FinnishDatePipe } from '../ui/finnish-date-pipe';
import { EmployerJourneyApi } from './employer-journey-api';

/**
 * The employer page's journey strip (PRODUCT.md's service process): an ordered list of the steps,
 * each reached or not, with its date, whether the data tells it or a person set it, and the rule.
 * Staff set or clear a step's date in place.
 */
@Component({
  selector: 'app-employer-journey',
  imports: [ApiErrorPipe, FormsModule, MatButton, MatFormField, MatLabel, MatInput, TranslatePipe, FinnishDatePipe],
  templateUrl: './employer-journey.html',
  styleUrl: './employer-journey.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerJourney {
  private readonly api = inject(EmployerJourneyApi);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();

  readonly employerId = input.required<number>();
  /** Staff who may edit the employer set dates by hand (the API checks it again). */
  readonly canEdit = input(false);
  readonly archived = input(false);
  /** Any change loads the journey again (a contact was logged, a follow-up saved). */
  readonly refresh = input(0);
  /** A date was set or cleared: the page refreshes its history. */
  readonly changed = output<void>();

  protected readonly journey = signal<EmployerJourneyDto | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly status = signal('');
  /** The step whose date form is open, and the date typed so far. */
  protected readonly editing = signal<EmployerJourneyStepDto | null>(null);
  protected readonly draft = signal('');
  protected readonly dateError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly total = EMPLOYER_JOURNEY_STEPS.length;
  protected readonly today = helsinkiDate();

  /** Each step's rule in the UI language (shared, so the API's SQL and this text are one decision). */
  protected readonly rules = computed(() => {
    const locale = this.i18n.locale();
    return Object.fromEntries(
      EMPLOYER_JOURNEY_STEPS.map((step) => [step, EMPLOYER_JOURNEY_RULES[step]?.[locale] ?? null]),
    );
  });

  constructor() {
    effect(() => {
      const id = this.employerId();
      this.refresh();
      this.load(id);
    });
  }

  protected stepName(step: EmployerJourneyStepDto): string {
    return this.i18n.t(`employerJourney.steps.${step.step}`);
  }

  protected openEdit(step: EmployerJourneyStepDto): void {
    this.editing.set(step);
    this.draft.set(step.manualOn ?? step.reachedOn ?? this.today);
    this.dateError.set(null);
    this.focus(`#journey-date-${step.step}`);
  }

  protected closeEdit(step: EmployerJourneyStepDto): void {
    this.editing.set(null);
    this.focus(`[data-edit="${step.step}"]`);
  }

  protected saveDate(step: EmployerJourneyStepDto): void {
    this.send(step, this.draft() || null);
  }

  protected clearDate(step: EmployerJourneyStepDto): void {
    this.send(step, null);
  }

  private send(step: EmployerJourneyStepDto, reachedOn: string | null): void {
    if (this.busy()) return;
    // The shared schema the API validates with: a future or malformed date is refused here already.
    const body = { step: step.step, reachedOn, version: step.version };
    const checked = validate(setEmployerJourneyStepSchema, body);
    if (!checked.ok) {
      this.dateError.set(this.i18n.fieldError(checked.fieldErrors[0]));
      this.focus(`#journey-date-${step.step}`);
      return;
    }
    this.busy.set(true);
    this.api.setStep(this.employerId(), checked.value).subscribe({
      next: (journey) => {
        this.busy.set(false);
        this.journey.set(journey);
        this.editing.set(null);
        const name = this.stepName(step);
        this.status.set(
          reachedOn === null
            ? this.i18n.t('employerJourney.cleared', { step: name })
            : this.i18n.t('employerJourney.saved', { step: name, date: formatFinnishDate(reachedOn) }),
        );
        this.focus(`[data-edit="${step.step}"]`);
        this.changed.emit();
      },
      error: (error: ApiError) => {
        this.busy.set(false);
        if (error.statusCode === 409 && error.code === 'STALE_VERSION') {
          this.editing.set(null);
          this.status.set(this.i18n.t('employerJourney.stale'));
          const current = error.current as EmployerJourneyDto | undefined;
          if (current?.steps) this.journey.set(current);
          else this.load(this.employerId());
          this.focus('#journey-heading');
          return;
        }
        const field = error.fieldErrors?.[0];
        if (field) {
          this.dateError.set(this.i18n.fieldError(field));
          this.focus(`#journey-date-${step.step}`);
        } else {
          this.status.set(this.i18n.t('employerJourney.failed', { message: this.i18n.apiError(error) }));
        }
      },
    });
  }

  private load(employerId: number): void {
    this.api.get(employerId).subscribe({
      next: (journey) => {
        this.loadError.set(null);
        this.journey.set(journey);
      },
      error: (error: ApiError) => this.loadError.set(error),
    });
  }
}
