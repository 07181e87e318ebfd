import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { createCampusGroupSchema, updateCampusGroupSchema, type ApiError, type CampusGroupDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { FormStatus } from '../core/form-status';
import { FORM_FIELDS } from '../ui/form-fields';
import { formSubmission } from '../ui/form/form-submission';
import { CampusGroupsApi } from './campus-groups-api';

/**
 * The page at /campus-groups/new, and the edit form inside the detail page when given a `group`
 * (it then reports saves and reloads through `changed`).
 */
@Component({
  selector: 'app-campus-group-form',
  imports: [FORM_FIELDS, RouterLink, MatButton, FormStatus],
  templateUrl: './campus-group-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupForm {
  private readonly api = inject(CampusGroupsApi);
  private readonly router = inject(Router);

  // The router's input binding sets `undefined` on /campus-groups/new (no such route data): both mean "new".
  readonly group = input<CampusGroupDto | null | undefined>(null);
  readonly changed = output<CampusGroupDto>();

  protected readonly isNew = computed(() => !this.group());

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
    campus: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form, {
    taken: { CAMPUS_GROUP_NAME_TAKEN: { path: 'name', code: 'name_taken' } },
  });

  constructor() {
    effect(() => {
      const group = this.group();
      this.form.reset({ name: group?.name ?? '', campus: group?.campus ?? '' });
    });
  }

  protected checkField(name: string): void {
    this.submission.checkField(createCampusGroupSchema, this.form.getRawValue(), name);
  }

  protected saveGroup(): void {
    const existing = this.group();
    let request: Observable<CampusGroupDto>;
    if (existing) {
      const body = this.submission.validate(updateCampusGroupSchema, {
        version: existing.version,
        ...this.form.getRawValue(),
      });
      if (!body) return;
      request = this.api.update(existing.id, body);
    } else {
      const body = this.submission.validate(createCampusGroupSchema, this.form.getRawValue());
      if (!body) return;
      request = this.api.create(body);
    }
    this.submission.send(request, (saved) => {
      this.submission.announce(existing ? 'common.saved' : 'campusGroups.created');
      if (existing) this.changed.emit(saved);
      else void this.router.navigate(['/campus-groups', saved.id]);
    });
  }

  /** After a conflict, fetch the saved version and hand it to the page, which resets this form with it. */
  protected reloadGroup(): void {
    const existing = this.group();
    this.submission.error.set(null);
    if (!existing) return;
    this.api.get(existing.id).subscribe({
      next: (current) => this.changed.emit(current),
      error: (error: ApiError) => this.submission.error.set(error),
    });
  }
}
