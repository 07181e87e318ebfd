import type { ApiException } from '../http/api-exception';
import { foreignKeyViolation, uniqueViolation } from './database-errors';

type Translate = () => ApiException | Promise<ApiException>;

/**
 * What a violated constraint means to the client, by constraint (or unique index) name. The
 * services check first and answer with field errors; these cover a concurrent write that got in
 * between the check and the statement.
 */
export interface ConstraintErrors {
  unique?: Readonly<Record<string, Translate>>;
  foreignKey?: Readonly<Record<string, Translate>>;
}

/** The API error for a database error, or null when it is not a violation of a listed constraint. */
export async function constraintError(error: unknown, translations: ConstraintErrors): Promise<ApiException | null> {
  const unique = uniqueViolation(error);
  const foreignKey = foreignKeyViolation(error);
  const translate = listed(translations.unique, unique) ?? listed(translations.foreignKey, foreignKey);
  return translate ? translate() : null;
}

function listed(
  translations: Readonly<Record<string, Translate>> | undefined,
  constraint: string | null,
): Translate | null {
  // Own keys only: a constraint is never called "constructor", but an object literal has one.
  return translations && constraint !== null && Object.hasOwn(translations, constraint)
    ? translations[constraint]
    : null;
}

/** Runs `work`; a violation of a listed constraint becomes its API error, anything else is rethrown. */
export async function translateConstraintErrors<T>(work: () => Promise<T>, translations: ConstraintErrors): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw (await constraintError(error, translations)) ?? error;
  }
}
