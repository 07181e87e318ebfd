import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';

// Evaluating the code and starting the app are two tasks, not one long one: on a slow phone each
// takes a few hundred milliseconds, and the browser can paint and answer input in between.
setTimeout(() => {
  bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
});
