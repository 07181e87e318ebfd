import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';

export interface RouteInputs {
  body: boolean;
  query: boolean;
}

/** Which handlers read a body or a query string, keyed like the route table (`Controller.method`). */
export function routeInputs(app: INestApplication): Map<string, RouteInputs> {
  const inputs = new Map<string, RouteInputs>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, unknown>;
        const types = Object.keys(args).map((key) => Number(key.split(':')[0]));
        inputs.set(`${controller.name}.${name}`, {
          body: types.includes(RouteParamtypes.BODY),
          query: types.includes(RouteParamtypes.QUERY),
        });
      }
    }
  }
  return inputs;
}
