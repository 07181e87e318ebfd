import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { EmployerForm } from './employer-form';

/** /employers/new: the form navigates to the new employer's page once it is created. */
@Component({
  selector: 'app-employer-new',
  imports: [RouterLink, EmployerForm, TranslatePipe],
  template: `
    <section class="page">
      <p>
        <a routerLink="/employers">{{ 'employers.backToList' | t }}</a>
      </p>
      <h1>{{ 'employers.new' | t }}</h1>
      <app-employer-form />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerNew {}
