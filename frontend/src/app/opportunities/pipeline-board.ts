import { CdkDrag, CdkDropList, CdkDropListGroup, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import {
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
  type ApiError,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityStageTotalDto,
  type OpportunityType,
  type Page,
} from '@tyoelama/shared';
import { forkJoin, map, of } from 'rxjs';

import { campusGroupOptions, readableCampusGroups } from '../campus-groups/campus-groups-api';
import { injectCanWrite } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { BusyIds, injectFocusAfterRender } from '../ui/busy-ids';
import { FilterSelect, translatedOptions } from '../ui/filter-select';
import { FiltersForm } from '../ui/filters-form';
import { followLoads } from '../ui/follow-loads';
import { LoadStatus } from '../ui/load-status';
import { PageHeader } from '../ui/page-header';
import { LostReasonDialog, type LostReasonData } from './lost-reason-dialog';
import { OpportunityDialog } from './opportunity-dialog';
import { OpportunitiesApi, type PipelineFilters } from './opportunities-api';
import {
  CARDS_PER_PAGE,
  COLLAPSED_AT_START,
  emptyColumns,
  loadedBoard,
  placeCard,
  withPage,
  zeroTotals,
  type Columns,
  type Totals,
} from './pipeline-columns';
import { arrowStep, neighbourCardIn, stageOfKey, type BoardStep } from './pipeline-keys';
import { FinnishDatePipe } from '../ui/finnish-date-pipe';
import { injectSetQuery } from '../core/page-query';

function isOpportunity(value: unknown): value is OpportunityDto {
  return typeof value === 'object' && value !== null && 'id' in value && 'stage' in value && 'version' in value;
}

const numberFormat = new Intl.NumberFormat('fi-FI');

/**
 * /pipeline: opportunities by stage, the columns side by side in a board that scrolls sideways by
 * itself. Writers move a card by dragging it, with its Move menu, or by focusing it and pressing the
 * stage's number (1–6).
 */
/** A card on the board, by its opportunity's id. */
function cardSelector(id: number): string {
  return `[data-card="${id}"]`;
}

@Component({
  selector: 'app-pipeline-board',
  imports: [
    FinnishDatePipe,
    RouterLink,
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    MatButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatMenuContent,
    TranslatePipe,
    PageHeader,
    FiltersForm,
    FilterSelect,
    LoadStatus,
  ],
  templateUrl: './pipeline-board.html',
  styleUrl: './pipeline-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineBoard {
  private readonly api = inject(OpportunitiesApi);
  private readonly setQuery = injectSetQuery();
  private readonly dialog = inject(MatDialog);
  private readonly focus = injectFocusAfterRender();
  protected readonly i18n = inject(I18n);
  protected readonly stages = OPPORTUNITY_STAGES;
  protected readonly typeOptions = translatedOptions(OPPORTUNITY_TYPES, 'pipeline.types.');
  protected readonly groupOptions = campusGroupOptions(readableCampusGroups());

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

  protected readonly canMove = injectCanWrite('opportunities');

  protected readonly columns = signal<Columns>(emptyColumns());
  protected readonly totals = signal<Totals>(zeroTotals());
  protected readonly collapsed = signal<ReadonlySet<OpportunityStage>>(new Set(COLLAPSED_AT_START));
  protected readonly announcement = signal('');
  protected readonly pending = new BusyIds();
  /** Columns whose next page is on its way. */
  protected readonly loadingMore = signal<ReadonlySet<OpportunityStage>>(new Set());

  protected readonly summaries = computed(() => {
    const columns = this.columns();
    const totals = this.totals();
    const collapsed = this.collapsed();
    const only = this.onlyStage();
    return this.stages
      .filter((stage) => !only || stage === only)
      .map((stage) => ({
        stage,
        items: columns[stage].items,
        collapsed: collapsed.has(stage) && stage !== only,
        hasMore: columns[stage].nextCursor !== null,
        total: totals[stage].count,
        places: numberFormat.format(totals[stage].places),
      }));
  });

  protected readonly load = followLoads(
    toObservable(this.filters),
    (filters) => {
      const shown = this.stages.filter((stage) => !this.collapsed().has(stage) || stage === this.onlyStage());
      return forkJoin([
        this.api.stageTotals(filters),
        shown.length ? forkJoin(shown.map((stage) => this.api.stage(stage, filters, CARDS_PER_PAGE))) : of([]),
      ]).pipe(
        map(([totals, pages]) => ({ totals, pages: shown.map((stage, index) => ({ stage, page: pages[index] })) })),
      );
    },
    (loaded) => {
      if (loaded) this.showLoaded(loaded.totals, loaded.pages);
    },
  );

  protected filterBy(patch: Partial<PipelineFilters>): void {
    this.setQuery(patch, { queryParamsHandling: 'merge' });
  }

  /** Folds or unfolds a column; its first cards are fetched when it first opens. */
  protected toggleColumn(stage: OpportunityStage): void {
    const collapsed = new Set(this.collapsed());
    if (collapsed.delete(stage)) {
      if (!this.columns()[stage].loaded) this.fetchPage(stage, null);
    } else {
      collapsed.add(stage);
    }
    this.collapsed.set(collapsed);
  }

  /** The next cards of a column; focus goes to the first new one so a keyboard user reads on from there. */
  protected showMore(stage: OpportunityStage): void {
    const cursor = this.columns()[stage].nextCursor;
    if (cursor === null || this.loadingMore().has(stage)) return;
    const firstNew = this.columns()[stage].items.length;
    this.fetchPage(stage, cursor, () => {
      const id = this.columns()[stage].items[firstNew]?.id;
      if (id !== undefined) this.focusCard(id);
    });
  }

  /** A card dropped on a column (the drag way of moving). */
  protected dropCard(event: CdkDragDrop<OpportunityStage, OpportunityStage, OpportunityDto>): void {
    if (event.previousContainer === event.container) return;
    this.moveCard(event.item.data, event.container.data);
  }

  /**
   * Keys on a focused card: a stage's number moves the card there; the arrows go to the card
   * above or below, or to the neighbouring column.
   */
  protected handleCardKey(event: KeyboardEvent, item: OpportunityDto): void {
    if (event.target !== event.currentTarget) return;
    const stage = stageOfKey(event);
    if (stage) {
      event.preventDefault();
      this.moveCard(item, stage);
      return;
    }
    const step = arrowStep(event);
    if (!step) return;
    const target = this.neighbourCard(item, step);
    if (target === null) return;
    event.preventDefault();
    // The card is on screen already: focus moves now, so that a key pressed right after acts on it.
    const card = (event.currentTarget as HTMLElement)
      .closest('.board')
      ?.querySelector<HTMLElement>(cardSelector(target));
    if (card) card.focus();
    else this.focusCard(target);
  }

  /** Moves a card to another stage; lost first asks why. */
  protected moveCard(item: OpportunityDto, to: OpportunityStage): void {
    if (!this.canMove() || item.stage === to || this.pending.has(item.id)) return;
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
        else this.focusCard(item.id);
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

  /** The key that moves a focused card to the stage, shown on its column and in the Move menu. */
  protected stageNumber(stage: OpportunityStage): number {
    return this.stages.indexOf(stage) + 1;
  }

  protected otherStages(item: OpportunityDto): readonly OpportunityStage[] {
    return this.stages.filter((stage) => stage !== item.stage);
  }

  private sendMove(item: OpportunityDto, to: OpportunityStage, lostReason?: string): void {
    const stageName = this.i18n.t(`pipeline.stages.${to}`);
    // Where focus goes when the card lands in a folded column: the card that takes its place.
    const stayAt = this.neighbourCard(item, [0, 1]) ?? this.neighbourCard(item, [0, -1]);
    // Optimistic: the card moves now and goes back if the server says no.
    this.place({ ...item, stage: to, lostReason: lostReason ?? item.lostReason }, item.stage);
    this.pending.set(item.id, true);
    const keepFocus = () => {
      if (this.summaries().some((column) => column.stage === to && !column.collapsed)) this.focusCard(item.id);
      else if (stayAt !== null) this.focusCard(stayAt);
      else this.focus(`#stage-toggle-${item.stage}`);
    };
    keepFocus();
    this.api.update(item.id, { version: item.version, stage: to, ...(lostReason ? { lostReason } : {}) }).subscribe({
      next: (saved) => {
        this.pending.set(item.id, false);
        this.place(saved, saved.stage);
        // Again once saved: the closing Move menu may have put focus back on its old trigger.
        keepFocus();
        this.announcement.set(
          this.i18n.t('pipeline.movedCard', { title: saved.title, stage: stageName, count: this.totals()[to].count }),
        );
      },
      error: (error: ApiError) => {
        this.pending.set(item.id, false);
        this.place(item, to);
        this.focusCard(item.id);
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

  /** Puts a card in the column of its stage; `from` is the column it is in now, or null. */
  private place(item: OpportunityDto, from: OpportunityStage | null): void {
    const next = placeCard({ columns: this.columns(), totals: this.totals() }, item, from);
    this.columns.set(next.columns);
    this.totals.set(next.totals);
  }

  private showLoaded(
    totals: readonly OpportunityStageTotalDto[],
    pages: readonly { stage: OpportunityStage; page: Page<OpportunityDto> }[],
  ): void {
    const board = loadedBoard(totals, pages);
    this.columns.set(board.columns);
    this.totals.set(board.totals);
  }

  /** Fetches a page of one column: the first (cursor null) replaces its cards, a later one adds to them. */
  private fetchPage(stage: OpportunityStage, cursor: string | null, shown?: () => void): void {
    this.loadingMore.update((stages) => new Set(stages).add(stage));
    const done = () =>
      this.loadingMore.update((stages) => {
        const next = new Set(stages);
        next.delete(stage);
        return next;
      });
    this.api.stage(stage, this.filters(), CARDS_PER_PAGE, cursor).subscribe({
      next: (page) => {
        done();
        this.columns.update((columns) => withPage(columns, stage, cursor, page));
        shown?.();
      },
      error: (error: ApiError) => {
        done();
        this.announcement.set(this.i18n.t('pipeline.loadFailed', { message: this.i18n.apiError(error) }));
      },
    });
  }

  /** The id of the card `[columns, rows]` away from this one among the unfolded columns, or null. */
  private neighbourCard(item: OpportunityDto, step: BoardStep): number | null {
    return neighbourCardIn(
      this.summaries().filter((column) => !column.collapsed),
      item,
      step,
    );
  }

  /** Keyboard users keep their place: focus follows the card to its new column. */
  private focusCard(id: number): void {
    this.focus(cardSelector(id));
  }
}
