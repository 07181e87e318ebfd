import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';

import { TranslatePipe } from './i18n/translate-pipe';

/**
 * A page that only says something, with the way home: "no access" where the role may not open the
 * page (the API would refuse it too), "not found" for an unknown address. The route's data names the
 * message (`{ message: 'noAccess' }`): its translations are `<message>.heading` and `<message>.text`.
 */
@Component({
  selector: 'app-message-page',
  imports: [RouterLink, TranslatePipe],
  template: `
    <section class="page">
      <h1>{{ message + '.heading' | t }}</h1>
      <p>{{ message + '.text' | t }}</p>
      <p>
        <a routerLink="/">{{ 'notFound.home' | t }}</a>
      </p>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessagePage {
  // Read from the route itself, not bound as an input: the page must not depend on the router's input binding.
  protected readonly message = inject(ActivatedRoute).snapshot.data['message'] as 'noAccess' | 'notFound';
}
