import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type BusinessRegisterCompanyDto,
  businessIdProblem,
  type IndustryClassification,
  industrySectionOf,
  normaliseBusinessId,
} from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** The parts of a YTJ open data API v3 `companies` answer we read. */
interface PrhCompany {
  businessId?: { value?: string };
  names?: { name?: string; type?: string; endDate?: string | null }[];
  mainBusinessLine?: { type?: string; typeCodeSet?: string } | null;
  website?: { url?: string } | null;
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
  return new ApiException(503, 'BUSINESS_REGISTER_UNAVAILABLE', 'The business register did not answer; try again later');
}

/** The register's version tag of the code; the register has used TOL 2025 since 1.1.2026. */
function classificationOf(codeSet: string | undefined): IndustryClassification {
  return codeSet && /2008/.test(codeSet) ? 'TOL2008' : 'TOL2025';
}

function streetLine(address: NonNullable<PrhCompany['addresses']>[number]): string | null {
  const parts = [address.street, address.buildingNumber, address.entrance, address.apartmentNumber]
    .map((part) => part?.trim())
    .filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

export function toCompanyDto(company: PrhCompany, businessId: string): BusinessRegisterCompanyDto | null {
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
  return {
    businessId: company.businessId?.value ?? businessId,
    name,
    streetAddress: address ? streetLine(address) : null,
    postcode: address?.postCode?.trim() || null,
    municipality: office?.city ? capitalise(office.city) : null,
    industryClassification: classification,
    ...(section ? { industrySection: section } : {}),
    ...(code && /^\d{2,5}$/.test(code) ? { industryCode: code } : {}),
    ...(website ? { website: /^https?:\/\//i.test(website) ? website : `https://${website}` } : {}),
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

  async lookup(rawBusinessId: string): Promise<BusinessRegisterCompanyDto> {
    const businessId = normaliseBusinessId(rawBusinessId);
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
    const dto = body.totalResults === 0 || !company ? null : toCompanyDto(company, businessId);
    if (!dto) throw ApiException.notFound('Company');
    return dto;
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
