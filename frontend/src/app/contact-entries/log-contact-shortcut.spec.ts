import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { Role } from '@tyoelama/shared';

import { Shell } from '../shell/shell';
import { renderComponent } from '../testing/app';
import { userWithRole } from '../testing/data';
import { LogContactLauncher } from './log-contact-launcher';

describe('Log contact from the shell', () => {
  let fixture: ComponentFixture<Shell>;
  let open: jest.SpyInstance;

  async function render(role: Role): Promise<void> {
    ({ fixture } = await renderComponent(Shell, { signedIn: userWithRole(role) }));
    open = jest.spyOn(TestBed.inject(LogContactLauncher), 'open').mockResolvedValue();
  }

  function press(init: KeyboardEventInit): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    document.body.dispatchEvent(event);
    return event;
  }

  it('opens the dialog with Alt+Shift+L from any page', async () => {
    await render('campus_member');
    const event = press({ altKey: true, shiftKey: true, code: 'KeyL', key: 'L' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);

    press({ altKey: true, code: 'KeyL', key: 'l' });
    press({ shiftKey: true, code: 'KeyL', key: 'L' });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('offers a header button that names its shortcut', async () => {
    await render('account_manager');
    const button = fixture.nativeElement.querySelector('button.log-contact') as HTMLButtonElement;
    // The full name on a wide screen, a short one on a phone; its accessible name is always the full one.
    expect(button.getAttribute('aria-label')).toBe('Kirjaa yhteydenotto');
    expect(button.querySelector('.label-long')?.textContent?.trim()).toBe('Kirjaa yhteydenotto');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+L');
    button.click();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('shows neither button nor shortcut to leadership, who may not log contacts', async () => {
    await render('leadership');
    expect(fixture.nativeElement.querySelector('button.log-contact')).toBeNull();
    press({ altKey: true, shiftKey: true, code: 'KeyL', key: 'L' });
    expect(open).not.toHaveBeenCalled();
  });
});
