import { bootstrapApplication } from '@angular/platform-browser';
import { prepareDateFormats } from '@tyoelama/shared';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { routes } from './app/app.routes';
import { preloadRoute } from './app/core/route-preload';

// Start-up is a few short tasks, not one long one: on a slow phone each takes tens to hundreds of
// milliseconds, and the browser can paint and answer input in between. First the opened page's code
// starts downloading (the router would only ask for a page's component after the session probe);
// then the app starts; then the date formatters are built, before a page shows dates.
setTimeout(() => {
  // Matched against the routes' own paths as they stand in the address (no decoding, which a bad
  // escape would make throw); the router reads the address itself.
  preloadRoute(routes, location.pathname.split('/').filter(Boolean)).catch(() => undefined);
});
setTimeout(() => {
  bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
});
// One task each: an idle callback would run them all in one idle period, one long task.
prepareDateFormats((work) => setTimeout(work));
