import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

// Angular's production build names bundles by content (main-AB12CD34.js, and chunk-Cp_Ai-H7.js
// from its chunk optimizer): such a name never changes meaning, so browsers may keep it for a year
// without asking again.
const CONTENT_HASHED = /-[A-Z0-9]{8}\.(js|css|woff2?|ttf|svg|png|jpg|webp)$|^\/chunk-[\w-]{8}\.js$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=3600';

function cacheControl(path: string): string {
  // index.html names the current bundles: always asked again, or a deploy would leave it pointing at gone files.
  if (path === '/index.html') return 'no-cache';
  return CONTENT_HASHED.test(path) ? IMMUTABLE : REVALIDATE;
}

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

function urlPath(browserDir: string, path: string): string {
  return `/${relative(browserDir, path).split(sep).join('/')}`;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The built frontend's files, and index.html for every other path outside /api: deep links
 * (/employers/42) are the app's routes, while unknown /api paths stay JSON 404s. Files precompressed
 * at build time (scripts/precompress.mjs) go as brotli or gzip to browsers that accept it, index.html
 * too. The files are listed once at start: an API call passes on without touching the disk.
 */
export function staticFiles(browserDir: string): RequestHandler {
  const available = new Set(filesUnder(browserDir).map((path) => urlPath(browserDir, path)));

  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = available.has(request.path) ? request.path : request.path.startsWith('/api') ? null : '/index.html';
    if (!path) return next();
    // Ours in order of preference (browsers list gzip first, yet brotli is a quarter smaller).
    const encoding = ENCODINGS.find(
      (candidate) => request.acceptsEncodings(candidate.name) && available.has(`${path}${candidate.suffix}`),
    );
    if (encoding || available.has(`${path}.br`)) response.setHeader('Vary', 'Accept-Encoding');
    if (encoding) response.setHeader('Content-Encoding', encoding.name);
    response.setHeader('Cache-Control', cacheControl(path));
    // The type of the file itself, not of the .br/.gz beside it.
    response.type(extname(path));
    response.sendFile(join(browserDir, `${path}${encoding?.suffix ?? ''}`), { cacheControl: false }, (error) => {
      // A browser that leaves the page mid-download aborts the response: nothing failed here.
      if (error && (error as Error & { code?: string }).code !== 'ECONNABORTED') next(error);
    });
  };
}
