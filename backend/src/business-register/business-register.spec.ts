import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Me } from '@tyoelama/shared';
import { FakeRegister } from '../../test/fake-register';
import { type Client, startTestApp, type TestContext } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** The register replaying recorded answers; 2331972-7 never answers. */
async function startRegister(): Promise<FakeRegister> {
  const register = await new FakeRegister().start();
  return register
    .answer('0112038-9', { status: 200, body: JSON.parse(fixture('found.json')) })
    .answer('0737546-2', { status: 200, body: JSON.parse(fixture('found-tol2008.json')) })
    .answer('1572860-0', { status: 500, body: { message: 'Internal error' } })
    .answer('2331972-7', 'hang');
}

describe('business register API', () => {
  let context: TestContext;
  let register: FakeRegister;
  let manager: Client & { me: Me };

  beforeAll(async () => {
    register = await startRegister();
    // 1 s: a loaded CI machine's first request can take a few hundred ms on its own.
    context = await startTestApp({ prhApiUrl: register.url, prhTimeoutMs: 1000 });
    manager = await context.signedIn('account_manager');
  });
  afterAll(async () => {
    await context.close();
    await register.stop();
  });

  /** The company the API answers with for `businessId`, once it has answered 200. */
  async function found(businessId: string) {
    const response = await manager.get(`/api/business-register/${businessId}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('maps a found company: current name, company form, street address, Finnish post office, TOL 2025 section', async () => {
    expect(await found('0112038-9')).toEqual({
      businessId: '0112038-9',
      name: 'Esimerkki Oyj',
      companyForm: 'Julkinen osakeyhtiö',
      streetAddress: 'Mannerheimintie 12 B',
      postcode: '00100',
      municipality: 'Helsinki',
      industryClassification: 'TOL2025',
      industrySection: 'K',
      industryCode: '62100',
      website: 'https://www.esimerkki.fi',
      situations: [],
      ceasedOn: null,
    });
    expect(register.requests.at(-1)).toBe('/opendata-ytj-api/v3/companies?businessId=0112038-9');
  });

  it('reads the TOIMI3 code set as TOL 2008 and keeps the old section letter', async () => {
    const company = await found('0737546-2');
    expect(company).toMatchObject({
      name: 'Korjaamo Mäkinen Ky',
      municipality: 'Tampere',
      industryClassification: 'TOL2008',
      industrySection: 'G',
      industryCode: '45200',
    });
    expect(company.website).toBeUndefined();
    // No current company form in the register: none offered.
    expect(company.companyForm).toBeUndefined();
  });

  it.each([
    { form: 'without its hyphen too', given: '01120389' },
    { form: 'in the old 6-digit form, padded before asking', given: '112038-9' },
  ])('takes the Y-tunnus $form', async ({ given }) => {
    expect((await found(given)).businessId).toBe('0112038-9');
  });

  it('answers 404 NOT_FOUND when the register has no such company', async () => {
    const response = await manager.get('/api/business-register/2000005-9');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('rejects a malformed or checksum-invalid Y-tunnus with a field error, without calling the register', async () => {
    const before = register.requests.length;
    const bad = await manager.get('/api/business-register/1234567-8');
    expectFieldErrors(bad, [expect.objectContaining({ path: 'businessId', code: 'business_id_checksum' })]);
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
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(1000 + 1500);
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
