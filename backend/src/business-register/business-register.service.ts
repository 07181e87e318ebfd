import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type BusinessRegisterCompanyDto,
  businessIdProblem,
  businessIdSearchTerm,
  helsinkiDate,
  type IndustryClassification,
  industrySectionOf,
  type RegisterSituation,
} from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** The parts of a YTJ open data API v3 `companies` answer we read. */
interface PrhCompany {
  businessId?: { value?: string };
  names?: { name?: string; type?: string; endDate?: string | null }[];
  mainBusinessLine?: { type?: string; typeCodeSet?: string } | null;
  website?: { url?: string } | null;
  companyForms?: {
    type?: string;
    descriptions?: { languageCode?: string; description?: string }[];
    endDate?: string | null;
    version?: number;
  }[];
  companySituations?: { type?: string; registrationDate?: string | null; endDate?: string | null }[];
  status?: string;
  endDate?: string | null;
  addresses?: {
    type?: number | string;
    street?: string;
    postCode?: string;
    buildingNumber?: string;
    entrance?: string;
    apartmentNumber?: string;
    postOffices?: { city?: string; languageCode?: string }[];
  }[];
}

interface PrhCompaniesResponse {
  totalResults?: number;
  companies?: PrhCompany[];
}

/** PRH's codes: name type "1" is the company name; address type 1 the street address, 2 the postal one; language "1" Finnish. */
const COMPANY_NAME = '1';
const STREET_ADDRESS = '1';
const FINNISH = '1';

function unavailable(): ApiException {
  return new ApiException(
    503,
    'BUSINESS_REGISTER_UNAVAILABLE',
    'The business register did not answer; try again later',
  );
}

/**
 * The register's version tag of the code: TOIMI3 is TOL 2008, TOIMI4 TOL 2025 (the register's
 * default since 1.1.2026); some answers spell the version out ("TOL2008").
 */
function classificationOf(codeSet: string | undefined): IndustryClassification {
  return codeSet && /^TOIMI3$|2008/i.test(codeSet.trim()) ? 'TOL2008' : 'TOL2025';
}

/** PRH's `companySituations[].type` codes (the v3 OpenAPI): bankruptcy, liquidation, restructuring. */
const SITUATIONS: Record<string, RegisterSituation> = {
  KONK: 'bankruptcy',
  SELTILA: 'liquidation',
  SANE: 'restructuring',
};

/** Ongoing situations only: one with an end date in the past is over (register dates are Finnish days). */
function situationsOf(company: PrhCompany, today: string): RegisterSituation[] {
  const found = new Set<RegisterSituation>();
  for (const situation of company.companySituations ?? []) {
    const kind =
      SITUATIONS[
        String(situation.type ?? '')
          .trim()
          .toUpperCase()
      ];
    if (kind && (!situation.endDate || situation.endDate > today)) found.add(kind);
  }
  return [...found].sort();
}

function companyFormOf(company: PrhCompany): string | undefined {
  const current = (company.companyForms ?? []).filter((form) => !form.endDate);
  const form = current.find((entry) => entry.version === 1) ?? current[0];
  const description =
    form?.descriptions?.find((entry) => entry.languageCode === FINNISH)?.description ??
    form?.descriptions?.[0]?.description;
  return description?.trim() || undefined;
}

/** A date the register gives as `YYYY-MM-DD` (or a timestamp starting so); anything else is no date. */
function dayOf(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

function streetLine(address: NonNullable<PrhCompany['addresses']>[number]): string | null {
  const parts = [address.street, address.buildingNumber, address.entrance, address.apartmentNumber]
    .map((part) => part?.trim())
    .filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/**
 * The company as the CRM uses it. The top-level `status` is not read for "ceased": the register
 * answers "2" for live and ceased companies alike; the company's own `endDate` tells it has ended.
 */
export function toCompanyDto(
  company: PrhCompany,
  businessId: string,
  today = helsinkiDate(),
): BusinessRegisterCompanyDto | null {
  const name =
    company.names?.find((entry) => String(entry.type) === COMPANY_NAME && !entry.endDate)?.name ??
    company.names?.find((entry) => !entry.endDate)?.name;
  if (!name) return null;
  const addresses = company.addresses ?? [];
  const address = addresses.find((entry) => String(entry.type) === STREET_ADDRESS) ?? addresses[0];
  const office =
    address?.postOffices?.find((entry) => entry.languageCode === FINNISH || entry.languageCode === 'fi') ??
    address?.postOffices?.[0];
  const classification = classificationOf(company.mainBusinessLine?.typeCodeSet);
  const code = company.mainBusinessLine?.type?.trim();
  const section = code ? industrySectionOf(classification, code) : null;
  const website = company.website?.url?.trim();
  const companyForm = companyFormOf(company);
  return {
    businessId: company.businessId?.value ?? businessId,
    name,
    ...(companyForm ? { companyForm } : {}),
    streetAddress: address ? streetLine(address) : null,
    postcode: address?.postCode?.trim() || null,
    municipality: office?.city ? capitalise(office.city) : null,
    industryClassification: classification,
    ...(section ? { industrySection: section } : {}),
    ...(code && /^\d{2,5}$/.test(code) ? { industryCode: code } : {}),
    ...(website ? { website: /^https?:\/\//i.test(website) ? website : `https://${website}` } : {}),
    situations: situationsOf(company, today),
    ceasedOn: dayOf(company.endDate),
  };
}

/** PRH writes post offices in capitals ("HELSINKI"); the CRM stores "Helsinki". */
function capitalise(city: string): string {
  return city
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_match, separator: string, letter: string) => separator + letter.toUpperCase());
}

@Injectable()
export class BusinessRegisterService {
  private readonly logger = new Logger('BusinessRegister');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * The company with the Y-tunnus (with or without its hyphen, or in the old 6-digit form), for
   * prefilling an employer: 400 for a malformed or checksum-invalid id, 404 when the register has
   * no such company, 503 BUSINESS_REGISTER_UNAVAILABLE when it does not answer in time. Other
   * features (imports creating prospects) call this too.
   */
  async lookup(rawBusinessId: string): Promise<BusinessRegisterCompanyDto> {
    const dto = await this.find(rawBusinessId);
    if (!dto) throw ApiException.notFound('Company');
    return dto;
  }

  /** As `lookup`, but null when the register has no such company. */
  async find(rawBusinessId: string, today?: string): Promise<BusinessRegisterCompanyDto | null> {
    const businessId = businessIdSearchTerm(rawBusinessId);
    const problem = businessIdProblem(businessId);
    if (problem) {
      throw ApiException.field(
        'businessId',
        problem,
        problem === 'business_id_format' ? 'Format is 1234567-8' : 'Check digit does not match',
      );
    }
    const body = await this.fetchCompanies(businessId);
    const company = body.companies?.find((entry) => entry.businessId?.value === businessId) ?? body.companies?.[0];
    return body.totalResults === 0 || !company ? null : toCompanyDto(company, businessId, today);
  }

  /** One bounded request: a slow or failing register answers 503 within the timeout, never hangs the request. */
  private async fetchCompanies(businessId: string): Promise<PrhCompaniesResponse> {
    const url = `${this.config.prhApiUrl}/companies?businessId=${encodeURIComponent(businessId)}`;
    const signal = AbortSignal.timeout(this.config.prhTimeoutMs);
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
      // The register answers 404 for an unknown id in some versions, 200 with no companies in others.
      if (response.status === 404) return { totalResults: 0, companies: [] };
      if (!response.ok) {
        this.logger.warn(`Business register answered ${response.status} for ${businessId}`);
        throw unavailable();
      }
      return (await response.json()) as PrhCompaniesResponse;
    } catch (error) {
      if (error instanceof ApiException) throw error;
      this.logger.warn(`Business register unreachable: ${(error as Error).message}`);
      throw unavailable();
    }
  }
}
