import type { Route, Routes } from '@angular/router';

/** A route's own path matches the start of `segments`: its length, or null when it does not. */
function matchedLength(route: Route, segments: readonly string[]): number | null {
  const own = route.path ? route.path.split('/') : [];
  if (own[0] === '**') return segments.length;
  if (own.length > segments.length) return null;
  if (!own.every((part, index) => part.startsWith(':') || part === segments[index])) return null;
  const full = route.pathMatch === 'full' || (!route.children && !route.loadChildren);
  return full && own.length !== segments.length ? null : own.length;
}

/**
 * Starts loading the lazy code of the page at `segments` (the URL's path segments) by calling the
 * matching routes' loaders, as the router will: it later gets the same already-loaded modules. The
 * router only loads them after its guards, that is after the session probe has answered, and
 * each chunk then pulls in its own imports: at start-up these downloads can instead run alongside
 * the probe. Guards are not evaluated; for a role without the right this fetches code that is not
 * shown, which costs bytes, not behaviour. A loader's failure is the router's to report.
 */
export async function preloadRoute(routes: Routes, segments: readonly string[]): Promise<void> {
  for (const route of routes) {
    const length = matchedLength(route, segments);
    if (length === null) continue;
    const rest = segments.slice(length);
    // Without a component of its own an empty-path parent is only a group (the signed-in pages):
    // its children are tried and, when none matches, so is the next route.
    if (route.children) {
      if (await preloadMatching(route.children, rest)) return;
      continue;
    }
    if (route.loadComponent) {
      await route.loadComponent();
      return;
    }
    if (route.loadChildren) {
      const loaded = await route.loadChildren();
      if (Array.isArray(loaded)) await preloadRoute(loaded, rest);
      return;
    }
    return;
  }
}

async function preloadMatching(routes: Routes, segments: readonly string[]): Promise<boolean> {
  const matches = routes.some((route) => matchedLength(route, segments) !== null && !route.redirectTo);
  if (matches) await preloadRoute(routes, segments);
  return matches;
}
