import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

import { I18n, type TranslationParams } from '../core/i18n/i18n';

/** How long a short notice ("Saved") stays before it goes by itself. */
const NOTICE_MS = 5000;

/**
 * The short notice after something was done ("Saved", "Exported"), by translation key, with a
 * dismiss button. Call in an injection context (a field initializer): `notify = injectNotify()`.
 */
export function injectNotify(): (key: string, params?: TranslationParams) => void {
  const snackBar = inject(MatSnackBar);
  const i18n = inject(I18n);
  return (key, params) => {
    snackBar.open(i18n.t(key, params), i18n.t('common.dismiss'), { duration: NOTICE_MS });
  };
}
