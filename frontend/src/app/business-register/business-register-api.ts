import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { BusinessRegisterCompanyDto, RegisterRefreshStateDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

/** The business register (YTJ): one company's public facts, and the admins' refresh job. */
@Injectable({ providedIn: 'root' })
export class BusinessRegisterApi {
  private readonly http = inject(HttpClient);

  lookup(businessId: string): Observable<BusinessRegisterCompanyDto> {
    return this.http.get<BusinessRegisterCompanyDto>(`/api/business-register/${encodeURIComponent(businessId)}`);
  }

  refreshState(): Observable<RegisterRefreshStateDto> {
    return this.http.get<RegisterRefreshStateDto>('/api/business-register-refresh');
  }

  startRefresh(): Observable<RegisterRefreshStateDto> {
    return this.http.post<RegisterRefreshStateDto>('/api/business-register-refresh', {});
  }
}
