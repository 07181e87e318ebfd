import { type ArgumentMetadata, Body, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { idParam, validate } from '@tyoelama/shared';
import * as z from 'zod/mini';
import { ApiException } from './api-exception';

/** Validates a body or query with the shared schema: the same rules the forms use. */
export class ZodPipe<S extends z.ZodMiniType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    // Express parses `?a=1&a=2` into arrays and `?a[b]=1` into objects: refuse shapes the schema did not ask for.
    const input = metadata.type === 'body' && value === undefined ? {} : value;
    const result = validate(this.schema, input);
    if (!result.ok) throw ApiException.validation(result.fieldErrors);
    return result.value;
  }
}

/** `:id` path values: positive integers written as plain digits, otherwise 404 (no such record). */
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const result = idParam.safeParse(value);
    // Ten digits pass the pattern but not the int4 columns: beyond 2^31-1 no row can exist.
    if (!result.success || result.data > 2_147_483_647) throw ApiException.notFound();
    return result.data;
  }
}

/** A record id from the path (`:id` unless named otherwise), parsed by `IdPipe`. */
export const IdParam = (name = 'id'): ParameterDecorator => Param(name, IdPipe);

/** The query string, validated by the shared list or report schema. */
export const ValidQuery = (schema: z.ZodMiniType): ParameterDecorator => Query(new ZodPipe(schema));

/**
 * The JSON body, validated by the shared schema and documented in OpenAPI from that very schema,
 * so the document cannot drift from what the route accepts.
 */
export function ValidBody(schema: z.ZodMiniType): ParameterDecorator {
  const documentBody = ApiBody({
    schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  });
  return (target, method, index) => {
    Body(new ZodPipe(schema))(target, method, index);
    // Parameter decorators get no descriptor; the body's documentation belongs to the method.
    if (method === undefined) throw new Error('@ValidBody() is for route handler parameters');
    const descriptor = Object.getOwnPropertyDescriptor(target, method);
    if (!descriptor) throw new Error(`@ValidBody(): no method ${String(method)}`);
    documentBody(target, method, descriptor);
  };
}
