import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TranslatePipe } from './i18n/translate-pipe';

/** Shown at the requested address when the role may not open the page (the API would refuse it too). */
@Component({
  selector: 'app-no-access',
  imports: [RouterLink, TranslatePipe],
  template: `
    <section class="page">
      <h1>{{ 'noAccess.heading' | t }}</h1>
      <p>{{ 'noAccess.text' | t }}</p>
      <p>
        <a routerLink="/">{{ 'notFound.home' | t }}</a>
      </p>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoAccess {}
