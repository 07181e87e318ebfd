import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  LOCALES,
  PASSWORD_MIN_LENGTH,
  ROLES,
  canWrite,
  createUserSchema,
  formatFinnishDate,
  setPasswordSchema,
  updateUserSchema,
  type ApiError,
  type CampusGroupDto,
  type FieldError,
  type Locale,
  type Role,
  type UserDto,
} from '@tyoelama/shared';
import { catchError, of, type Observable } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { FormStatus } from '../core/form-status';
import { focusFirstInvalid, showFieldErrors, validateForm } from '../core/forms';
import { I18n } from '../core/i18n/i18n';
import { FORM_FIELDS } from '../ui/form-fields';
import { UsersApi } from './users-api';

type UserField = 'email' | 'displayName' | 'role' | 'password' | 'campusGroupIds' | 'locale' | 'active';

function isUserDto(value: unknown): value is UserDto {
  return typeof value === 'object' && value !== null && 'id' in value && 'version' in value && 'email' in value;
}

/** Creates a user at /users/new and shows or edits one at /users/:id (read-only for roles that may not write). */
@Component({
  selector: 'app-user-form',
  imports: [FORM_FIELDS, RouterLink, MatButton, MatSlideToggle, FormStatus],
  templateUrl: './user-form.html',
  styleUrl: './user-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserForm {
  private readonly usersApi = inject(UsersApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly roles = ROLES;
  protected readonly locales = LOCALES;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly formatDate = formatFinnishDate;

  /** The `:id` route parameter; absent at /users/new. */
  readonly id = input<string>();

  protected readonly userId = computed(() => {
    const raw = this.id();
    return raw && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : null;
  });
  protected readonly isNew = computed(() => this.id() === undefined);
  protected readonly canEdit = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'users');
  });

  protected readonly user = signal<UserDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly settingPassword = signal(false);
  protected readonly passwordError = signal<ApiError | null>(null);

  protected readonly campusGroups = toSignal(
    inject(CampusGroupsApi)
      .listAll()
      .pipe(catchError(() => of([] as CampusGroupDto[]))),
    { initialValue: [] as CampusGroupDto[] },
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

  protected checkField(name: UserField): void {
    const result = validateForm(this.isNew() ? createUserSchema : updateUserSchema, this.requestBody(), this.form);
    if (!result.ok) showFieldErrors(this.form, result.fieldErrors, name);
  }

  protected saveUser(): void {
    this.formError.set(null);
    const existing = this.user();
    let request: Observable<UserDto>;
    if (existing) {
      const result = validateForm(updateUserSchema, this.requestBody(), this.form);
      if (!result.ok) return this.showInvalid(result.fieldErrors);
      request = this.usersApi.update(existing.id, result.value);
    } else {
      const result = validateForm(createUserSchema, this.requestBody(), this.form);
      if (!result.ok) return this.showInvalid(result.fieldErrors);
      request = this.usersApi.create(result.value);
    }
    this.saving.set(true);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.snackBar.open(this.i18n.t(existing ? 'common.saved' : 'users.created'), this.i18n.t('common.dismiss'), {
          duration: 5000,
        });
        if (existing) this.showUser(saved);
        else void this.router.navigate(['/users', saved.id]);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        this.showSaveError(error);
      },
    });
  }

  /** After a conflict: take the record the server sent along (or fetch it) and start over from it. */
  protected reloadUser(): void {
    const current = this.formError()?.current;
    this.formError.set(null);
    if (isUserDto(current)) this.showUser(current);
    else {
      const id = this.userId();
      if (id !== null) this.load(id);
    }
  }

  protected setNewPassword(): void {
    const existing = this.user();
    if (!existing) return;
    this.passwordError.set(null);
    const result = validateForm(setPasswordSchema, this.passwordForm.getRawValue(), this.passwordForm);
    if (!result.ok) {
      showFieldErrors(this.passwordForm, result.fieldErrors);
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.settingPassword.set(true);
    this.usersApi.setPassword(existing.id, result.value.password).subscribe({
      next: () => {
        this.settingPassword.set(false);
        this.passwordForm.reset();
        this.snackBar.open(this.i18n.t('users.passwordSet'), this.i18n.t('common.dismiss'), { duration: 5000 });
      },
      error: (error: ApiError) => {
        this.settingPassword.set(false);
        if (error.fieldErrors?.length) showFieldErrors(this.passwordForm, error.fieldErrors);
        this.passwordError.set(error);
      },
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

  private showInvalid(errors: FieldError[]): void {
    showFieldErrors(this.form, errors);
    focusFirstInvalid(this.host, this.injector);
  }

  private showSaveError(error: ApiError): void {
    if (error.fieldErrors?.length) showFieldErrors(this.form, error.fieldErrors);
    if (error.code === 'EMAIL_TAKEN') {
      showFieldErrors(this.form, [{ path: 'email', code: 'email_taken', message: error.message }]);
    }
    this.formError.set(error);
    focusFirstInvalid(this.host, this.injector);
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
