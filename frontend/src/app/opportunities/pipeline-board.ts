import { CdkDrag, CdkDropList, CdkDropListGroup, type CdkDragDrop } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
  canWrite,
  formatFinnishDate,
  type ApiError,
  type CampusGroupDto,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityType,
  type Page,
} from '@tyoelama/shared';
import { catchError, forkJoin, of, switchMap, tap } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { LostReasonDialog, type LostReasonData } from './lost-reason-dialog';
import { OpportunityDialog } from './opportunity-dialog';
import { OpportunitiesApi, type PipelineFilters } from './opportunities-api';

type Columns = Record<OpportunityStage, OpportunityDto[]>;
type Totals = Record<OpportunityStage, number>;

function emptyColumns(): Columns {
  return { identified: [], contacted: [], negotiating: [], agreed: [], won: [], lost: [] };
}

function isOpportunity(value: unknown): value is OpportunityDto {
  return typeof value === 'object' && value !== null && 'id' in value && 'stage' in value && 'version' in value;
}

const numberFormat = new Intl.NumberFormat('fi-FI');

/** /pipeline: opportunities by stage; writers move cards by dragging or with each card's Move menu. */
@Component({
  selector: 'app-pipeline-board',
  imports: [
    RouterLink,
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatMenuContent,
    TranslatePipe,
  ],
  templateUrl: './pipeline-board.html',
  styleUrl: './pipeline-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineBoard {
  private readonly api = inject(OpportunitiesApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly stages = OPPORTUNITY_STAGES;
  protected readonly types = OPPORTUNITY_TYPES;
  protected readonly formatDate = formatFinnishDate;

  /** Query parameters (bound by the router): the filters live in the URL so a view can be shared. */
  readonly campusGroupId = input<string>();
  readonly type = input<string>();
  /** A drill-down from the dashboard's funnel: show only this stage's column. */
  readonly stage = input<string>();

  protected readonly onlyStage = computed<OpportunityStage | null>(() => {
    const stage = this.stage();
    return stage && (OPPORTUNITY_STAGES as readonly string[]).includes(stage) ? (stage as OpportunityStage) : null;
  });

  protected readonly filters = computed<PipelineFilters>(() => {
    const group = this.campusGroupId();
    const type = this.type();
    return {
      campusGroupId: group && /^[1-9][0-9]{0,9}$/.test(group) ? Number(group) : null,
      type: type && (OPPORTUNITY_TYPES as readonly string[]).includes(type) ? (type as OpportunityType) : null,
    };
  });

  protected readonly canMove = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'opportunities');
  });

  protected readonly campusGroups = toSignal(
    inject(CampusGroupsApi)
      .listAll()
      .pipe(catchError(() => of([] as CampusGroupDto[]))),
    { initialValue: [] as CampusGroupDto[] },
  );

  protected readonly columns = signal<Columns>(emptyColumns());
  protected readonly totals = signal<Totals>({
    identified: 0,
    contacted: 0,
    negotiating: 0,
    agreed: 0,
    won: 0,
    lost: 0,
  });
  protected readonly loading = signal(true);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly announcement = signal('');
  protected readonly pendingIds = signal<ReadonlySet<number>>(new Set());

  protected readonly summaries = computed(() => {
    const columns = this.columns();
    const totals = this.totals();
    const only = this.onlyStage();
    return this.stages
      .filter((stage) => !only || stage === only)
      .map((stage) => ({
        stage,
        items: columns[stage],
        total: totals[stage],
        places: numberFormat.format(columns[stage].reduce((sum, item) => sum + (item.expectedPlaces ?? 0), 0)),
      }));
  });

  constructor() {
    toObservable(this.filters)
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.loadError.set(null);
        }),
        switchMap((filters) =>
          forkJoin(this.stages.map((stage) => this.api.stage(stage, filters))).pipe(
            catchError((error: ApiError) => {
              this.loadError.set(error);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((pages) => {
        this.loading.set(false);
        if (pages) this.showPages(pages);
      });
  }

  protected filterBy(name: 'campusGroupId' | 'type', value: string | number | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value ?? null },
      queryParamsHandling: 'merge',
    });
  }

  /** A card dropped on a column (the drag way of moving). */
  protected dropCard(event: CdkDragDrop<OpportunityStage, OpportunityStage, OpportunityDto>): void {
    if (event.previousContainer === event.container) return;
    this.moveCard(event.item.data, event.container.data);
  }

  /** Moves a card to another stage; lost first asks why. */
  protected moveCard(item: OpportunityDto, to: OpportunityStage): void {
    if (!this.canMove() || item.stage === to || this.pendingIds().has(item.id)) return;
    if (to !== 'lost') {
      this.sendMove(item, to);
      return;
    }
    this.dialog
      .open<LostReasonDialog, LostReasonData, string>(LostReasonDialog, {
        data: { title: item.title },
        width: '32rem',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe((reason) => {
        if (reason) this.sendMove(item, 'lost', reason);
      });
  }

  protected openNewOpportunity(): void {
    this.dialog
      .open<OpportunityDialog, void, OpportunityDto>(OpportunityDialog, { width: '36rem', maxWidth: '100vw' })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        const { campusGroupId, type } = this.filters();
        if ((!campusGroupId || created.campusGroupId === campusGroupId) && (!type || created.type === type)) {
          this.place(created, null);
        }
        this.announcement.set(this.i18n.t('pipeline.created'));
      });
  }

  protected otherStages(item: OpportunityDto): readonly OpportunityStage[] {
    return this.stages.filter((stage) => stage !== item.stage);
  }

  protected isPending(id: number): boolean {
    return this.pendingIds().has(id);
  }

  private sendMove(item: OpportunityDto, to: OpportunityStage, lostReason?: string): void {
    const stageName = this.i18n.t(`pipeline.stages.${to}`);
    // Optimistic: the card moves now and goes back if the server says no.
    this.place({ ...item, stage: to, lostReason: lostReason ?? item.lostReason }, item.stage);
    this.setPending(item.id, true);
    this.focusMoveButton(item.id);
    this.api.update(item.id, { version: item.version, stage: to, ...(lostReason ? { lostReason } : {}) }).subscribe({
      next: (saved) => {
        this.setPending(item.id, false);
        this.place(saved, saved.stage);
        // Again once saved: the closing Move menu may have put focus back on its old trigger.
        this.focusMoveButton(item.id);
        this.announcement.set(this.i18n.t('pipeline.moved', { stage: stageName }));
      },
      error: (error: ApiError) => {
        this.setPending(item.id, false);
        this.place(item, to);
        this.focusMoveButton(item.id);
        if (error.code === 'STALE_VERSION' || error.statusCode === 409) this.refreshStale(item, error);
        else this.announcement.set(this.i18n.t('pipeline.moveFailed', { message: this.i18n.apiError(error) }));
      },
    });
  }

  /** Someone else saved the card meanwhile: show their version and say so. */
  private refreshStale(item: OpportunityDto, error: ApiError): void {
    this.announcement.set(this.i18n.t('pipeline.stale', { title: item.title }));
    if (isOpportunity(error.current)) {
      this.place(error.current, item.stage);
      return;
    }
    this.api.get(item.id).subscribe({
      next: (current) => this.place(current, item.stage),
      error: () => undefined,
    });
  }

  /**
   * Puts a card in the column of its stage (at the top when it arrives from elsewhere, in place when
   * it stays) and keeps the column totals in step. `from` is the column it is in now, or null.
   */
  private place(item: OpportunityDto, from: OpportunityStage | null): void {
    const columns = { ...this.columns() };
    const totals = { ...this.totals() };
    if (from) {
      const index = columns[from].findIndex((card) => card.id === item.id);
      if (index >= 0) {
        if (from === item.stage) {
          columns[from] = columns[from].map((card) => (card.id === item.id ? item : card));
          this.columns.set(columns);
          return;
        }
        columns[from] = columns[from].filter((card) => card.id !== item.id);
        totals[from] = Math.max(0, totals[from] - 1);
      }
    }
    columns[item.stage] = [item, ...columns[item.stage].filter((card) => card.id !== item.id)];
    totals[item.stage] += 1;
    this.columns.set(columns);
    this.totals.set(totals);
  }

  private showPages(pages: Page<OpportunityDto>[]): void {
    const columns = emptyColumns();
    const totals = { ...this.totals() };
    this.stages.forEach((stage, index) => {
      const page = pages[index];
      columns[stage] = page?.items ?? [];
      totals[stage] = page?.total ?? 0;
    });
    this.columns.set(columns);
    this.totals.set(totals);
  }

  private setPending(id: number, pending: boolean): void {
    this.pendingIds.update((ids) => {
      const next = new Set(ids);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  /** Keyboard users keep their place: focus follows the card to its new column. */
  private focusMoveButton(id: number): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-move="${id}"]`)?.focus(), {
      injector: this.injector,
    });
  }
}
