/**
 * The fields of a DTO the audit trail records on create and update, in the order the history
 * lists them. Written `auditedFields<UserDto>()('email', …)`: the DTO is named, the names are
 * inferred as a tuple, and a name the DTO does not have fails to compile.
 */
export const auditedFields =
  <Dto>() =>
  <const F extends readonly (keyof Dto & string)[]>(...fields: F): F =>
    fields;
