import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { routeTable } from '../test/route-table';
import { startTestApp, type TestContext } from '../test/test-app';

describe('the HTTP app', () => {
  let context: TestContext;
  let staticFolder: string;

  beforeAll(async () => {
    staticFolder = await mkdtemp(join(tmpdir(), 'crm-static-'));
    await writeFile(
      join(staticFolder, 'index.html'),
      '<!doctype html><title>Työelämä CRM</title><app-root></app-root>',
    );
    await writeFile(join(staticFolder, 'index.html.br'), brotliCompressSync('<!doctype html><app-root>br</app-root>'));
    await writeFile(join(staticFolder, 'main.js'), 'console.log(1)');
    await writeFile(join(staticFolder, 'manifest.webmanifest'), '{"name":"Työelämä CRM","display":"standalone"}');
    await writeFile(join(staticFolder, 'chunk-AB12CD34.js'), 'console.log("plain")');
    await writeFile(join(staticFolder, 'chunk-AB12CD34.js.br'), brotliCompressSync('console.log("brotli")'));
    await writeFile(join(staticFolder, 'chunk-AB12CD34.js.gz'), gzipSync('console.log("gzip")'));
    await writeFile(join(staticFolder, 'chunk-Cp_Ai-H7.js'), 'console.log("optimized chunk")');
    process.env.STATIC_DIR = staticFolder;
    context = await startTestApp();
  });
  afterAll(async () => {
    delete process.env.STATIC_DIR;
    await context.close();
  });

  it('reports health with the database up', async () => {
    const response = await (await context.client()).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await (await context.client()).get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/json/);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not found', code: 'NOT_FOUND' });
  });

  it('serves the built app for deep links and its assets as files', async () => {
    const client = await context.client();
    const deepLink = await client.get('/employers/42');
    expect(deepLink.status).toBe(200);
    expect(deepLink.text).toContain('<app-root>');
    const asset = await client.get('/main.js');
    expect(asset.text).toBe('console.log(1)');
  });

  it('sends index.html precompressed and never cached, for the root and for deep links alike', async () => {
    const client = await context.client();
    for (const path of ['/', '/employers/42', '/index.html']) {
      const page = await client.agent.get(path).set('Accept-Encoding', 'gzip, deflate, br');
      expect([path, page.status, page.headers['content-encoding'], page.headers['cache-control']]).toEqual([
        path,
        200,
        'br',
        'no-cache',
      ]);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<app-root>br</app-root>');
    }
  });

  it('serves the web app manifest as application/manifest+json, so a phone can install the app', async () => {
    const response = await (await context.client()).get('/manifest.webmanifest');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(JSON.parse(response.text)).toEqual({ name: 'Työelämä CRM', display: 'standalone' });
  });

  it('sends precompressed bundles to browsers that accept them, cached for a year when content-hashed', async () => {
    const client = await context.client();
    const brotli = await client.agent.get('/chunk-AB12CD34.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['vary']).toMatch(/Accept-Encoding/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.text).toBe('console.log("brotli")');

    const gzip = await client.agent.get('/chunk-AB12CD34.js').set('Accept-Encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe('console.log("gzip")');

    const plain = await client.agent.get('/chunk-AB12CD34.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('console.log("plain")');
    // So are the chunk optimizer's names, in mixed case.
    expect((await client.get('/chunk-Cp_Ai-H7.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    // Not content-hashed: may change with the next build.
    expect((await client.get('/main.js')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('sends security headers with a Content-Security-Policy', async () => {
    const response = await (await context.client()).get('/');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const client = await context.signedIn('admin');
    const malformed = await client.agent
      .post('/api/campus-groups')
      .set('X-XSRF-TOKEN', await xsrfOf(client))
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');

    const huge = await client.post('/api/campus-groups', { name: 'x'.repeat(1_100_000), campus: 'A' });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');

    const notAnObject = await client.post('/api/campus-groups', ['a']);
    expect(notAnObject.status).toBe(400);
  });

  it('publishes the OpenAPI document', async () => {
    const response = await (await context.client()).get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/campus-groups/{id}']),
    );
  });

  it('declares roles or @Public on every route (deny by default)', () => {
    const routes = routeTable(context.app);
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((route) => !route.isPublic && !(route.roles && route.roles.length > 0));
    expect(undeclared).toEqual([]);
    expect(
      routes
        .filter((route) => route.isPublic)
        .map((route) => `${route.method} ${route.path}`)
        .sort(),
    ).toEqual(['GET /api/calendar/:token.ics', 'GET /api/health', 'POST /api/auth/login']);
  });
});

async function xsrfOf(client: {
  agent: { jar: { getCookie(name: string, options: unknown): { value: string } | undefined } };
}) {
  const { CookieAccessInfo } = await import('cookiejar');
  return client.agent.jar.getCookie('XSRF-TOKEN', CookieAccessInfo.All)?.value ?? '';
}
