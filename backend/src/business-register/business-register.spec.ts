import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Me } from '@tyoelama/shared';
import { type Client, startTestApp, type TestContext } from '../../test/test-app';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** A stand-in for the PRH API replaying recorded answers; "never" leaves the request hanging. */
function startRegister(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const businessId = new URL(request.url ?? '', 'http://x').searchParams.get('businessId');
    const answer = (status: number, body: string) =>
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    switch (businessId) {
      case '0112038-9':
        return answer(200, fixture('found.json'));
      case '0737546-2':
        return answer(200, fixture('found-tol2008.json'));
      case '1572860-0':
        return answer(500, '{"message":"Internal error"}');
      case '2331972-7':
        return; // never answers
      default:
        return answer(200, fixture('not-found.json'));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/opendata-ytj-api/v3`, requests });
    }),
  );
}

describe('business register API', () => {
  let context: TestContext;
  let register: Awaited<ReturnType<typeof startRegister>>;
  let manager: Client & { me: Me };

  beforeAll(async () => {
    register = await startRegister();
    context = await startTestApp({ prhApiUrl: register.url, prhTimeoutMs: 300 });
    manager = await context.signedIn('account_manager');
  });
  afterAll(async () => {
    await context.close();
    register.server.closeAllConnections();
    await new Promise((resolve) => register.server.close(resolve));
  });

  it('maps a found company: current name, street address, Finnish post office, TOL 2025 section', async () => {
    const response = await manager.get('/api/business-register/0112038-9');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      businessId: '0112038-9',
      name: 'Esimerkki Oyj',
      streetAddress: 'Mannerheimintie 12 B',
      postcode: '00100',
      municipality: 'Helsinki',
      industryClassification: 'TOL2025',
      industrySection: 'K',
      industryCode: '62100',
      website: 'https://www.esimerkki.fi',
    });
    expect(register.requests.at(-1)).toBe('/opendata-ytj-api/v3/companies?businessId=0112038-9');
  });

  it('keeps a TOL 2008 code with its old section letter', async () => {
    const response = await manager.get('/api/business-register/0737546-2');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Korjaamo Mäkinen Ky',
      municipality: 'Tampere',
      industryClassification: 'TOL2008',
      industrySection: 'G',
      industryCode: '45200',
    });
    expect(response.body.website).toBeUndefined();
  });

  it('pads the old 6-digit form before asking', async () => {
    const response = await manager.get('/api/business-register/112038-9');
    expect(response.status).toBe(200);
    expect(response.body.businessId).toBe('0112038-9');
  });

  it('answers 404 NOT_FOUND when the register has no such company', async () => {
    const response = await manager.get('/api/business-register/2000005-9');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('rejects a malformed or checksum-invalid Y-tunnus with a field error, without calling the register', async () => {
    const before = register.requests.length;
    const bad = await manager.get('/api/business-register/1234567-8');
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toEqual([expect.objectContaining({ path: 'businessId', code: 'business_id_checksum' })]);
    const malformed = await manager.get('/api/business-register/abc');
    expect(malformed.body.fieldErrors[0]).toMatchObject({ path: 'businessId', code: 'business_id_format' });
    expect(register.requests.length).toBe(before);
  });

  it('answers 503 BUSINESS_REGISTER_UNAVAILABLE when the register fails', async () => {
    const response = await manager.get('/api/business-register/1572860-0');
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('BUSINESS_REGISTER_UNAVAILABLE');
  });

  it('gives up after the timeout with 503 instead of hanging', async () => {
    const started = Date.now();
    const response = await manager.get('/api/business-register/2331972-7');
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('BUSINESS_REGISTER_UNAVAILABLE');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(300 + 1500);
  });

  it('answers 503 when the register is unreachable', async () => {
    const closed = await startTestApp({ prhApiUrl: 'http://127.0.0.1:1/v3', prhTimeoutMs: 300 });
    try {
      const client = await closed.signedIn('admin');
      const response = await client.get('/api/business-register/0112038-9');
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('BUSINESS_REGISTER_UNAVAILABLE');
    } finally {
      await closed.close();
    }
  });

  it.each(['campus_member', 'leadership'] as const)('refuses %s with 403', async (role) => {
    const client = await context.signedIn(role);
    const response = await client.get('/api/business-register/0112038-9');
    expect(response.status).toBe(403);
  });
});
