import { applyDecorators, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

/** A controller at `path`, its routes grouped under the same name in the OpenAPI document. */
export const ApiController = (path: string): ClassDecorator => applyDecorators(ApiTags(path), Controller(path));

/**
 * `POST /:id/<action>`: a step in one record's life (archive, complete, commit), with the roles
 * that may take it. It answers 200 with the record rather than the 201 of a POST, as nothing new
 * is created.
 */
export const RecordAction = (action: string, ...rights: MethodDecorator[]): MethodDecorator =>
  applyDecorators(Post(`:id/${action}`), HttpCode(200), ...rights);

/** `DELETE /:id`, answering 204 with no body, with the roles that may delete. */
export const RecordDeletion = (...rights: MethodDecorator[]): MethodDecorator =>
  applyDecorators(Delete(':id'), HttpCode(204), ...rights);
