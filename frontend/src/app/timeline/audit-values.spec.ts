import { formatFinnishDateTime } from '@tyoelama/shared';

import { type AuditValueFormat, fieldLabelKey, formatAuditValue, localDateTime } from './audit-values';

const labels: Record<string, string> = {
  'employers.statuses.partner': 'Kumppani',
  'pipeline.stages.won': 'Voitettu',
  'logContact.topicNames.feedback': 'Palaute',
  'timeline.yes': 'Kyllä',
};
const format: AuditValueFormat = {
  has: (key) => key in labels,
  t: (key) => labels[key] ?? key,
  dateTime: (value) => `aika ${value}`,
};
const show = (entity: string, field: string, value: unknown, reference?: 'campusGroup') =>
  formatAuditValue(entity, { field, reference }, value as never, format);

describe('audit values in the history', () => {
  it('shows a value that was not there as a dash', () => {
    expect(show('employer', 'website', null)).toBe('–');
    expect(show('employer', 'website', '')).toBe('–');
    expect(show('employer', 'tags', [])).toBe('–');
  });

  it('shows enumerated values by their label for the entity, and unknown ones as stored', () => {
    expect(show('employer', 'status', 'partner')).toBe('Kumppani');
    expect(show('opportunity', 'stage', 'won')).toBe('Voitettu');
    expect(show('contact_entry', 'topics', ['feedback', 'brand_new'])).toBe('Palaute, brand_new');
    // Another entity's field of the same name is not an employer status.
    expect(show('contact_person', 'status', 'partner')).toBe('partner');
  });

  it('formats dates and times, and leaves names of referenced rows as they come', () => {
    expect(show('follow_up', 'dueDate', '2026-12-01')).toBe('1.12.2026');
    expect(show('employer', 'archivedAt', '2026-12-01T08:30:00.000Z')).toBe('aika 2026-12-01T08:30:00.000Z');
    expect(show('employer', 'campusGroupIds', ['Pohjoinen', 'Etelä'], 'campusGroup')).toBe('Pohjoinen, Etelä');
    expect(show('opportunity', 'expectedPlaces', 4)).toBe('4');
    expect(show('employer', 'flag', true)).toBe('Kyllä');
  });

  it('cuts long texts', () => {
    const shown = show('employer', 'description', 'a'.repeat(500));
    expect(shown).toHaveLength(160);
    expect(shown.endsWith('…')).toBe(true);
  });

  it("labels fields by the entity's own form, the activities by the timeline's", () => {
    expect(fieldLabelKey('employer', 'name')).toBe('employers.fields.name');
    expect(fieldLabelKey('contact_person', 'title')).toBe('contactPersons.title');
    expect(fieldLabelKey('follow_up', 'title')).toBe('timeline.auditFields.title');
  });

  it('writes the time with "klo" in Finnish only', () => {
    const at = '2026-11-24T12:05:00.000Z';
    expect(localDateTime(at, 'fi')).toBe(formatFinnishDateTime(at));
    expect(localDateTime(at, 'en')).toBe(formatFinnishDateTime(at).replace(' klo ', ' '));
  });
});
