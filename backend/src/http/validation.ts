import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
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

/** Documents a body in OpenAPI from the very schema that validates it. */
export function ApiBodyFrom(schema: z.ZodMiniType): MethodDecorator {
  return applyDecorators(
    ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> }),
  );
}
