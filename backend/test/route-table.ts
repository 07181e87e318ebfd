import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { RequestMethod } from '@nestjs/common';
import type { Role } from '@tyoelama/shared';
import { PUBLIC_KEY, ROLES_KEY } from '../src/auth/decorators';

export interface RouteEntry {
  method: string;
  path: string;
  handler: string;
  isPublic: boolean;
  roles: Role[] | undefined;
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .map((part) => part.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/** Method names of a controller and of the classes it extends (`ResourceRoutes`), as Nest finds them. */
function handlerNames(prototype: object): Set<string> {
  const names = new Set<string>();
  for (let level = prototype; level !== Object.prototype; level = Object.getPrototypeOf(level) as object) {
    for (const name of Object.getOwnPropertyNames(level)) names.add(name);
  }
  return names;
}

/** Every route the app serves with its access metadata, read from the controllers themselves. */
export function routeTable(app: INestApplication, prefix = 'api'): RouteEntry[] {
  const entries: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of handlerNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const read = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        entries.push({
          method,
          path: joinPath(prefix, base, path),
          handler: `${controller.name}.${name}`,
          isPublic: read<boolean>(PUBLIC_KEY) === true,
          roles: read<Role[]>(ROLES_KEY),
        });
      }
    }
  }
  return entries;
}
