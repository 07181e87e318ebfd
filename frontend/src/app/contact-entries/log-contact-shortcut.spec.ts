import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { Shell } from '../shell/shell';
import { LogContactLauncher } from './log-contact-launcher';

const base: Me = {
  id: 3,
  email: 'kalle@example.fi',
  displayName: 'Kalle Kampus',
  role: 'campus_member',
  campusGroupIds: [1],
  locale: 'fi',
};

describe('Log contact from the shell', () => {
  let fixture: ComponentFixture<Shell>;
  let open: jest.SpyInstance;

  async function render(me: Me): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Auth, useValue: { me: signal(me).asReadonly() } },
      ],
    });
    open = jest.spyOn(TestBed.inject(LogContactLauncher), 'open').mockResolvedValue();
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
  }

  function press(init: KeyboardEventInit): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    document.body.dispatchEvent(event);
    return event;
  }

  it('opens the dialog with Alt+Shift+L from any page', async () => {
    await render(base);
    const event = press({ altKey: true, shiftKey: true, code: 'KeyL', key: 'L' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);

    press({ altKey: true, code: 'KeyL', key: 'l' });
    press({ shiftKey: true, code: 'KeyL', key: 'L' });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('offers a header button that names its shortcut', async () => {
    await render({ ...base, role: 'account_manager' });
    const button = fixture.nativeElement.querySelector('button.log-contact') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Kirjaa yhteydenotto');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+L');
    button.click();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('shows neither button nor shortcut to leadership, who may not log contacts', async () => {
    await render({ ...base, role: 'leadership' });
    expect(fixture.nativeElement.querySelector('button.log-contact')).toBeNull();
    press({ altKey: true, shiftKey: true, code: 'KeyL', key: 'L' });
    expect(open).not.toHaveBeenCalled();
  });
});
