// A local stand-in for the PRH YTJ open data API v3 for the e2e run: the app's PRH_API_URL points
// here (playwright.config.ts starts it beside the app). Made-up companies only; a test may change
// one (POST /control/companies/<id> with fields to merge), e.g. to make it go bankrupt.
import { createServer } from 'node:http';

const port = Number(process.env.E2E_YTJ_PORT ?? 23217);

function company(businessId, name, extra = {}) {
  return {
    businessId: { value: businessId, registrationDate: '2012-05-02', source: '3' },
    names: [{ name, type: '1', registrationDate: '2012-05-02', version: 1, source: '1' }],
    mainBusinessLine: {
      type: '25110',
      typeCodeSet: 'TOIMI4',
      descriptions: [{ languageCode: '1', description: 'Metallirakenteiden ja niiden osien valmistus' }],
      registrationDate: '2026-01-01',
      source: '2',
    },
    companyForms: [
      { type: '16', descriptions: [{ languageCode: '1', description: 'Osakeyhtiö' }], version: 1, source: '1' },
    ],
    companySituations: [],
    addresses: [
      {
        type: 1,
        street: 'Hatanpään valtatie',
        buildingNumber: '24',
        postCode: '33100',
        postOffices: [{ city: 'TAMPERE', languageCode: '1', municipalityCode: '837' }],
        registrationDate: '2012-05-02',
        source: '0',
      },
    ],
    tradeRegisterStatus: '1',
    status: '2',
    ...extra,
  };
}

/** Y-tunnus → company. 2938472-2 answers 500, as a register having a bad day. */
const companies = new Map([['2938471-4', company('2938471-4', 'Pirkan Hitsaus Oy')]]);
const FAILING = '2938472-2';

const json = (response, status, body) =>
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return json(response, 200, { ok: true });
  const control = /^\/control\/companies\/([0-9-]+)$/.exec(url.pathname);
  if (control && request.method === 'POST') {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const current = companies.get(control[1]);
      if (current) companies.set(control[1], { ...current, ...JSON.parse(body || '{}') });
      json(response, current ? 200 : 404, {});
    });
    return;
  }
  if (url.pathname.endsWith('/companies')) {
    const businessId = url.searchParams.get('businessId') ?? '';
    if (businessId === FAILING) return json(response, 500, { message: 'Internal error' });
    const found = companies.get(businessId);
    return json(response, 200, { totalResults: found ? 1 : 0, companies: found ? [found] : [] });
  }
  json(response, 404, {});
}).listen(port, '127.0.0.1');
