import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import {
  LOCALES,
  PASSWORD_MIN_LENGTH,
  ROLES,
  createUserSchema,
  setPasswordSchema,
  updateUserSchema,
  type ApiError,
  type Locale,
  type Role,
  type UserDto,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { readableCampusGroups } from '../campus-groups/campus-groups-api';
import { injectCanWrite } from '../core/auth';
import { FormStatus } from '../core/form-status';
import { FORM_FIELDS } from '../ui/form-fields';
import { formSubmission } from '../ui/form/form-submission';
import { UsersApi } from './users-api';
import { FinnishDatePipe } from '../ui/finnish-date-pipe';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';

function isUserDto(value: unknown): value is UserDto {
  return typeof value === 'object' && value !== null && 'id' in value && 'version' in value && 'email' in value;
}

/** Creates a user at /users/new and shows or edits one at /users/:id (read-only for roles that may not write). */
@Component({
  selector: 'app-user-form',
  imports: [ApiErrorPipe, FinnishDatePipe, FORM_FIELDS, RouterLink, MatButton, MatSlideToggle, FormStatus],
  templateUrl: './user-form.html',
  styleUrl: './user-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserForm {
  private readonly usersApi = inject(UsersApi);
  private readonly router = inject(Router);
  protected readonly roles = ROLES;
  protected readonly locales = LOCALES;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;

  /** The `:id` route parameter; absent at /users/new. */
  readonly id = input<string>();

  protected readonly userId = computed(() => {
    const raw = this.id();
    return raw && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : null;
  });
  protected readonly isNew = computed(() => this.id() === undefined);
  protected readonly canEdit = injectCanWrite('users');

  protected readonly user = signal<UserDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<ApiError | null>(null);

  protected readonly campusGroups = readableCampusGroups();
  protected readonly groupOptions = computed(() =>
    this.campusGroups().map((group) => ({ value: group.id, label: `${group.name} (${group.campus})` })),
  );

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true }),
    displayName: new FormControl('', { nonNullable: true }),
    role: new FormControl<Role | null>(null),
    password: new FormControl('', { nonNullable: true }),
    campusGroupIds: new FormControl<number[]>([], { nonNullable: true }),
    locale: new FormControl<Locale>('fi', { nonNullable: true }),
    active: new FormControl(true, { nonNullable: true }),
  });

  protected readonly passwordForm = new FormGroup({
    password: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form, {
    taken: { EMAIL_TAKEN: { path: 'email', code: 'email_taken' } },
  });
  protected readonly passwordSubmission = formSubmission(this.passwordForm, { focusOnRefusal: false });

  constructor() {
    effect(() => {
      const isNew = this.isNew();
      const id = this.userId();
      const canEdit = this.canEdit();
      untracked(() => {
        if (canEdit) this.form.enable();
        else this.form.disable();
        if (isNew) this.startNew();
        else if (id === null)
          this.loadError.set({ statusCode: 404, error: 'Not Found', message: 'Not found', code: 'NOT_FOUND' });
        else this.load(id);
      });
    });
  }

  protected checkField(name: string): void {
    this.submission.checkField(this.isNew() ? createUserSchema : updateUserSchema, this.requestBody(), name);
  }

  protected saveUser(): void {
    const existing = this.user();
    let request: Observable<UserDto>;
    if (existing) {
      const body = this.submission.validate(updateUserSchema, this.requestBody());
      if (!body) return;
      request = this.usersApi.update(existing.id, body);
    } else {
      const body = this.submission.validate(createUserSchema, this.requestBody());
      if (!body) return;
      request = this.usersApi.create(body);
    }
    this.submission.send(request, (saved) => {
      this.submission.announce(existing ? 'common.saved' : 'users.created');
      if (existing) this.showUser(saved);
      else void this.router.navigate(['/users', saved.id]);
    });
  }

  /** After a conflict: take the record the server sent along (or fetch it) and start over from it. */
  protected reloadUser(): void {
    const current = this.submission.error()?.current;
    this.submission.error.set(null);
    if (isUserDto(current)) this.showUser(current);
    else {
      const id = this.userId();
      if (id !== null) this.load(id);
    }
  }

  protected setNewPassword(): void {
    const existing = this.user();
    if (!existing) return;
    const body = this.passwordSubmission.validate(setPasswordSchema, this.passwordForm.getRawValue());
    if (!body) return;
    this.passwordSubmission.send(this.usersApi.setPassword(existing.id, body.password), () => {
      this.passwordForm.reset();
      this.passwordSubmission.announce('users.passwordSet');
    });
  }

  private requestBody(): Record<string, unknown> {
    const value = this.form.getRawValue();
    const common = {
      email: value.email,
      displayName: value.displayName,
      role: value.role,
      campusGroupIds: value.campusGroupIds,
      locale: value.locale,
    };
    const existing = this.user();
    return existing
      ? { version: existing.version, ...common, active: value.active }
      : { ...common, password: value.password };
  }

  private startNew(): void {
    this.user.set(null);
    this.loadError.set(null);
    this.form.reset({
      email: '',
      displayName: '',
      role: null,
      password: '',
      campusGroupIds: [],
      locale: 'fi',
      active: true,
    });
  }

  private load(id: number): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.usersApi.get(id).subscribe({
      next: (user) => {
        this.loading.set(false);
        this.showUser(user);
      },
      error: (error: ApiError) => {
        this.loading.set(false);
        this.loadError.set(error);
      },
    });
  }

  private showUser(user: UserDto): void {
    this.user.set(user);
    this.form.reset({
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      password: '',
      campusGroupIds: user.campusGroupIds,
      locale: user.locale,
      active: user.active,
    });
  }
}
