import { TestBed } from '@angular/core/testing';

import { I18n } from '../core/i18n/i18n';
import { renderComponent } from '../testing/app';
import { IndustryName, industryCodeName } from './industry-name';

describe('IndustryName', () => {
  async function render(inputs: Record<string, unknown>) {
    const { fixture } = await renderComponent(IndustryName, { inputs });
    const text = () => (fixture.nativeElement as HTMLElement).textContent?.trim() ?? '';
    return { fixture, text };
  }

  it('names the division and section of a code in the current language, following a switch', async () => {
    const { fixture, text } = await render({ classification: 'TOL2025', code: '47110' });
    expect(text()).toBe('– Vähittäiskauppa (G Tukku- ja vähittäiskauppa)');
    TestBed.inject(I18n).use('en');
    await fixture.whenStable();
    expect(text()).toBe('– Retail trade (G Wholesale and retail trade)');
  });

  it('uses the names and letters of the employer’s own classification version', async () => {
    const { text } = await render({ classification: 'TOL2008', code: '62010' });
    expect(text()).toBe('– Ohjelmistot, konsultointi ja siihen liittyvä toiminta (J Informaatio ja viestintä)');
  });

  it('shows nothing for a code that is no division of the version', async () => {
    expect((await render({ classification: 'TOL2025', code: '45200' })).text()).toBe('');
  });

  it('shows nothing without a version', async () => {
    expect((await render({ classification: null, code: '47110' })).text()).toBe('');
  });

  it('is the text the form shows under the code', () => {
    expect(industryCodeName('TOL2025', '62', 'fi')).toBe(
      'Ohjelmistot, konsultointi ja siihen liittyvä toiminta (K Televiestintä, ohjelmointi, konsultointi, tietotekninen infrastruktuuri ja muu informaatiopalvelutoiminta)',
    );
  });
});
