import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A page's title with its actions (projected) at the other end of the row. */
@Component({
  selector: 'app-page-header',
  host: { class: 'page-header' },
  template: `
    <h1>{{ heading() }}</h1>
    <ng-content />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeader {
  /** The title, already in the reader's language. */
  readonly heading = input.required<string>();
}
