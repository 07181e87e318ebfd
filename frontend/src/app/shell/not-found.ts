import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TranslatePipe } from '../core/i18n/translate-pipe';

@Component({
  selector: 'app-not-found',
  imports: [RouterLink, TranslatePipe],
  template: `
    <section class="page">
      <h1>{{ 'notFound.heading' | t }}</h1>
      <p>{{ 'notFound.text' | t }}</p>
      <p>
        <a routerLink="/">{{ 'notFound.home' | t }}</a>
      </p>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}
