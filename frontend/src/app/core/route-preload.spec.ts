import { Component } from '@angular/core';
import type { Routes } from '@angular/router';

import { preloadRoute } from './route-preload';

@Component({ template: '' })
class Page {}

describe('preloadRoute', () => {
  function setUp() {
    const calls: string[] = [];
    const component = (name: string) => () => {
      calls.push(name);
      return Promise.resolve(Page);
    };
    const employerRoutes: Routes = [
      { path: '', pathMatch: 'full', loadComponent: component('list') },
      { path: '', pathMatch: 'full', component: Page },
      { path: 'new', loadComponent: component('new') },
      { path: ':id', loadComponent: component('page') },
    ];
    const routes: Routes = [
      { path: 'login', loadComponent: component('login') },
      {
        path: '',
        children: [
          { path: '', pathMatch: 'full', loadComponent: component('home') },
          {
            path: 'employers',
            loadChildren: () => {
              calls.push('employers');
              return Promise.resolve(employerRoutes);
            },
          },
          { path: 'settings/password', loadComponent: component('password') },
        ],
      },
      { path: '**', component: Page },
    ];
    return { calls, routes };
  }

  it.each([
    [[], ['home']],
    [['login'], ['login']],
    [['employers'], ['employers', 'list']],
    [
      ['employers', 'new'],
      ['employers', 'new'],
    ],
    [
      ['employers', '42'],
      ['employers', 'page'],
    ],
    [['settings', 'password'], ['password']],
    [['no-such-page'], []],
    [['login', 'extra'], []],
  ])('at /%s loads exactly what the router will show: %j', async (segments, expected) => {
    const { calls, routes } = setUp();
    await preloadRoute(routes, segments);
    expect(calls).toEqual(expected);
  });
});
