import type { TimelineItem } from '@tyoelama/shared';
import { Subject } from 'rxjs';

import { ContactLog } from '../core/contact-log';
import { renderComponent } from '../testing/app';
import { page, userWithRole } from '../testing/data';
import { EmployerTimeline } from './employer-timeline';

function contactEntry(id: number, createdById: number): TimelineItem {
  return {
    key: `contact_entry:${id}`,
    kind: 'contact_entry',
    at: '2026-11-20T10:00:00.000Z',
    actorName: 'Joku',
    contactEntryId: id,
    type: 'phone',
    summary: `Puhelu ${id}`,
    topics: [],
    campusGroupName: 'Tekniikka',
    createdById,
  };
}

describe('Employer timeline entry actions', () => {
  const contactLog = {
    logged$: new Subject(),
    open: jest.fn(),
    edit: jest.fn(() => Promise.resolve()),
    remove: jest.fn(() => Promise.resolve()),
  };

  async function render(role: 'campus_member' | 'account_manager' | 'leadership') {
    const me = userWithRole(role);
    const { fixture, http } = await renderComponent(EmployerTimeline, {
      signedIn: me,
      inputs: { employerId: 5 },
      providers: [{ provide: ContactLog, useValue: contactLog }],
    });
    http
      .expectOne((request) => request.url === '/api/employers/5/timeline')
      .flush(page([contactEntry(1, me.id), contactEntry(2, me.id + 100)]));
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const names = (selector: string) =>
      [...root.querySelectorAll(selector)].map((button) => button.getAttribute('aria-label'));
    return { root, names, fixture };
  }

  beforeEach(() => jest.clearAllMocks());

  it('offers a campus member edit and delete on their own entries only', async () => {
    const { names } = await render('campus_member');
    expect(names('button.edit-entry')).toEqual(['Muokkaa: Puhelu: Puhelu 1']);
    expect(names('button.delete-entry')).toEqual(['Poista: Puhelu: Puhelu 1']);
  });

  it('offers staff every entry', async () => {
    expect((await render('account_manager')).names('button.edit-entry')).toHaveLength(2);
  });

  it('offers leadership, who only read, no entry actions', async () => {
    expect((await render('leadership')).names('button.edit-entry')).toEqual([]);
  });

  it('edits through the dialog and deletes with focus moved to the heading', async () => {
    const { root, fixture } = await render('account_manager');
    root.querySelector<HTMLButtonElement>('button.edit-entry')?.click();
    expect(contactLog.edit).toHaveBeenCalledWith(1);

    root.querySelectorAll<HTMLButtonElement>('button.delete-entry')[1]?.click();
    expect(contactLog.remove).toHaveBeenCalledWith({ id: 2, employerId: 5 });
    await fixture.whenStable();
    await Promise.resolve();
    expect(document.activeElement?.id).toBe('timeline-heading');
  });

  it('shows why a delete was refused', async () => {
    const { root, fixture } = await render('account_manager');
    contactLog.remove.mockRejectedValueOnce({ statusCode: 403, error: 'Forbidden', message: 'No', code: 'FORBIDDEN' });
    root.querySelector<HTMLButtonElement>('button.delete-entry')?.click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture.detectChanges();
    expect(root.querySelector('.form-error')?.textContent).toContain('Toiminto epäonnistui');
  });
});
