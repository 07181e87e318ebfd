import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommitImportRequest,
  CreatedNationalEmployersDto,
  ImportPreviewDto,
  ImportRowsPageDto,
  ImportStatusDto,
  NationalImportPreviewDto,
  NationalImportSource,
  NationalImportStatusDto,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

export interface ImportUpload {
  file: File;
  ownerCampusGroupId: number;
  accountManagerId: number | null;
}

@Injectable({ providedIn: 'root' })
export class ImportApi {
  private readonly http = inject(HttpClient);

  /** Reads the file into a preview; nothing is saved yet. */
  upload(upload: ImportUpload): Observable<ImportPreviewDto> {
    const body = new FormData();
    body.append('file', upload.file, upload.file.name);
    body.append('ownerCampusGroupId', String(upload.ownerCampusGroupId));
    if (upload.accountManagerId) body.append('accountManagerId', String(upload.accountManagerId));
    return this.http.post<ImportPreviewDto>('/api/imports', body);
  }

  rows(id: number, offset: number, limit: number): Observable<ImportRowsPageDto> {
    return this.http.get<ImportRowsPageDto>(`/api/imports/${id}/rows`, { params: { offset, limit } });
  }

  commit(id: number, request: CommitImportRequest): Observable<ImportStatusDto> {
    return this.http.post<ImportStatusDto>(`/api/imports/${id}/commit`, request);
  }

  status(id: number): Observable<ImportStatusDto> {
    return this.http.get<ImportStatusDto>(`/api/imports/${id}`);
  }

  /** Reads a national export (KOSKI, eHOKS, Arvo) into a preview; nothing is saved yet. */
  uploadNational(upload: ImportUpload & { source: NationalImportSource }): Observable<NationalImportPreviewDto> {
    const body = new FormData();
    body.append('file', upload.file, upload.file.name);
    body.append('source', upload.source);
    body.append('ownerCampusGroupId', String(upload.ownerCampusGroupId));
    if (upload.accountManagerId) body.append('accountManagerId', String(upload.accountManagerId));
    return this.http.post<NationalImportPreviewDto>('/api/imports/national', body);
  }

  createNationalEmployers(id: number, businessIds: string[]): Observable<CreatedNationalEmployersDto> {
    return this.http.post<CreatedNationalEmployersDto>(`/api/imports/national/${id}/employers`, { businessIds });
  }

  commitNational(id: number): Observable<NationalImportStatusDto> {
    return this.http.post<NationalImportStatusDto>(`/api/imports/national/${id}/commit`, {});
  }

  nationalStatus(id: number): Observable<NationalImportStatusDto> {
    return this.http.get<NationalImportStatusDto>(`/api/imports/national/${id}`);
  }
}
