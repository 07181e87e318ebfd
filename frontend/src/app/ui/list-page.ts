import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DataTable } from './data-table';
import { FilterSelect } from './filter-select';
import { FiltersForm } from './filters-form';
import { PageHeader } from './page-header';
import { PagedTable } from './paged-table';

/**
 * A filter row's fields in a `form[appFilters]`: selects (`app-filter-select`) and native inputs in
 * `label.native-field` (global styles), not Material form fields, which cost a phone's CPU most of a
 * list's first render.
 */
export const FILTER_ROW = [FiltersForm, FilterSelect] as const;

/**
 * What a list page's template uses: the header with its actions, the filter row, the paged table, its
 * data table and row links. A list lists `LIST_PAGE` in its imports.
 */
export const LIST_PAGE = [FILTER_ROW, RouterLink, MatButton, TranslatePipe, PageHeader, PagedTable, DataTable] as const;
