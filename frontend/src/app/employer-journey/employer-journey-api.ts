import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EmployerJourneyDto, SetEmployerJourneyStepRequest } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class EmployerJourneyApi {
  private readonly http = inject(HttpClient);

  get(employerId: number): Observable<EmployerJourneyDto> {
    return this.http.get<EmployerJourneyDto>(`/api/employers/${employerId}/journey`);
  }

  /** Sets (a date) or clears (null) a step's date by hand, on the step's version as read. */
  setStep(employerId: number, body: SetEmployerJourneyStepRequest): Observable<EmployerJourneyDto> {
    return this.http.patch<EmployerJourneyDto>(`/api/employers/${employerId}/journey`, body);
  }
}
