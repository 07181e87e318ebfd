import { Get, Inject, Patch, Post, type Type } from '@nestjs/common';
import type { Page } from '@tyoelama/shared';
import type { z } from 'zod/mini';
import { IdParam, ValidBody, ValidQuery } from '../http/validation';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './decorators';

/** What a resource's read routes ask of its service: a page of the list, one record. */
export interface ResourceReads<Query> {
  list(caller: AuthUser, query: Query): Promise<Page<unknown>>;
  get(caller: AuthUser, id: number): Promise<unknown>;
}

/** What a resource's write routes ask of its service: create one, update one by id. */
export interface ResourceWrites<Create, Update> {
  create(caller: AuthUser, input: Create): Promise<unknown>;
  update(caller: AuthUser, id: number, input: Update): Promise<unknown>;
}

/** What a resource's routes need besides its reading service. */
export interface ResourceRouteOptions<Query, Create, Update, W> {
  /** The service of the write routes, where it is not the one that reads. */
  writes?: Type<W>;
  /** Who may call each route (`CanRead`, `CanWrite`, `Roles`). */
  rights: { read: MethodDecorator; create: MethodDecorator; update: MethodDecorator };
  /** The shared schemas of the list query and the create and update bodies. */
  schemas: { list: z.ZodMiniType<Query>; create: z.ZodMiniType<Create>; update: z.ZodMiniType<Update> };
}

/**
 * The four routes every record resource has, as a base class for its controller: on the collection
 * `GET /` (a page, the query validated by the list schema) and `POST /`, on a record `GET /:id` and
 * `PATCH /:id` (bodies validated and documented from the shared schemas). The controller adds its
 * own routes and reaches the services as `this.reads` and `this.writes`; Nest registers those
 * routes before these, so a fixed path such as `GET /stage-totals` is never read as an `:id`.
 */
export function ResourceRoutes<
  Query,
  Create,
  Update,
  R extends ResourceReads<Query>,
  W extends ResourceWrites<Create, Update> = R & ResourceWrites<Create, Update>,
>(reads: Type<R>, options: ResourceRouteOptions<Query, Create, Update, W>) {
  const { rights, schemas } = options;

  // Each route declares what the service's own method returns (`Promise<EmployerDto>`, say):
  // inside this generic TypeScript sees only the interface's `Promise<unknown>`, hence the casts.
  abstract class ResourceRoutesBase {
    constructor(
      @Inject(reads) protected readonly reads: R,
      @Inject(options.writes ?? reads) protected readonly writes: W,
    ) {}

    @Get()
    @rights.read
    list(@CurrentUser() caller: AuthUser, @ValidQuery(schemas.list) query: Query): ReturnType<R['list']> {
      return this.reads.list(caller, query) as ReturnType<R['list']>;
    }

    @Post()
    @rights.create
    create(@CurrentUser() caller: AuthUser, @ValidBody(schemas.create) body: Create): ReturnType<W['create']> {
      return this.writes.create(caller, body) as ReturnType<W['create']>;
    }

    @Get(':id')
    @rights.read
    get(@CurrentUser() caller: AuthUser, @IdParam() id: number): ReturnType<R['get']> {
      return this.reads.get(caller, id) as ReturnType<R['get']>;
    }

    @Patch(':id')
    @rights.update
    update(
      @CurrentUser() caller: AuthUser,
      @IdParam() id: number,
      @ValidBody(schemas.update) body: Update,
    ): ReturnType<W['update']> {
      return this.writes.update(caller, id, body) as ReturnType<W['update']>;
    }
  }
  return ResourceRoutesBase;
}
