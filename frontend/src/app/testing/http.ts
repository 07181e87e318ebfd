import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';

/** Waits (a few macrotasks) for a request that guards and lazy routes send after some async steps. */
export async function nextRequest(
  http: HttpTestingController,
  url: string | ((request: { urlWithParams: string; method: string }) => boolean),
): Promise<TestRequest> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = typeof url === 'string' ? http.match(url) : http.match((request) => url(request));
    if (found[0]) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`No request to ${String(url)}`);
}
