import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer of the fake register: a status and JSON body, or no answer at all. */
export type FakeAnswer = { status: number; body: unknown } | 'hang';

/**
 * A local stand-in for the PRH YTJ open data API v3 (`GET …/companies?businessId=`), on a free
 * port: answers what the test set for a Y-tunnus, `{totalResults: 0}` for any other, and records
 * every request.
 */
export class FakeRegister {
  readonly requests: string[] = [];
  private readonly answers = new Map<string, FakeAnswer>();
  private server!: Server;
  url = '';

  /** The Y-tunnus ids asked for, in order. */
  get askedIds(): string[] {
    return this.requests.map((path) => new URL(path, 'http://x').searchParams.get('businessId') ?? '');
  }

  answer(businessId: string, answer: FakeAnswer): this {
    this.answers.set(businessId, answer);
    return this;
  }

  company(businessId: string, company: Record<string, unknown>): this {
    return this.answer(businessId, { status: 200, body: { totalResults: 1, companies: [company] } });
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.requests.push(request.url ?? '');
      const businessId = new URL(request.url ?? '', 'http://x').searchParams.get('businessId') ?? '';
      const answer = this.answers.get(businessId) ?? { status: 200, body: { totalResults: 0, companies: [] } };
      if (answer === 'hang') return;
      response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/opendata-ytj-api/v3`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A v3 company record as the register writes one; `extra` adds or replaces fields. */
export function prhCompany(businessId: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    businessId: { value: businessId, registrationDate: '2001-06-01', source: '3' },
    names: [{ name, type: '1', registrationDate: '2001-06-01', version: 1, source: '1' }],
    companyForms: [
      {
        type: '16',
        descriptions: [
          { languageCode: '1', description: 'Osakeyhtiö' },
          { languageCode: '3', description: 'Limited company' },
        ],
        registrationDate: '2001-06-01',
        version: 1,
        source: '1',
      },
    ],
    companySituations: [],
    addresses: [],
    tradeRegisterStatus: '1',
    status: '2',
    ...extra,
  };
}
