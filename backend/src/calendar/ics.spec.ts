import { escapeText, foldLine, formatCalendar, icsDateTime, nextDay } from './ics';

describe('ICS formatting', () => {
  it('escapes backslashes, semicolons, commas and every kind of newline in text', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf\rg')).toBe('a\\\\b\\; c\\, d\\ne\\nf\\ng');
  });

  it('leaves a line of 75 octets unfolded and folds the 76th octet onto a space-led line', () => {
    const exact = 'x'.repeat(75);
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('folds every continuation line at 74 octets plus its leading space', () => {
    const folded = foldLine('y'.repeat(75 + 74 + 3));
    expect(folded.split('\r\n').map((line) => Buffer.byteLength(line))).toEqual([75, 75, 4]);
  });

  it('never splits a multi-byte UTF-8 character such as ä when folding', () => {
    // 74 ASCII octets + "ä" (2 octets) would be 76: the ä moves whole to the next line.
    const line = `${'a'.repeat(74)}äb`;
    const folded = foldLine(line);
    expect(folded).toBe(`${'a'.repeat(74)}\r\n äb`);
    const long = 'ä'.repeat(100);
    const lines = foldLine(long).split('\r\n');
    for (const part of lines) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(lines.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(long);
    expect(Buffer.from(foldLine(long)).toString('utf8')).not.toContain('\uFFFD');
  });

  it('computes the exclusive end of an all-day event across month and year ends', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('writes UTC stamps without separators or milliseconds', () => {
    expect(icsDateTime(new Date('2026-03-01T22:30:05.123Z'))).toBe('20260301T223005Z');
  });

  it('writes a VCALENDAR with CRLF line endings and one all-day VEVENT per event', () => {
    const text = formatCalendar('Seurannat', [
      {
        uid: 'followup-7@tyoelama-crm',
        date: '2026-03-02',
        summary: 'Soita, sovi käynti – Kesko Oyj',
        description: 'Muista; tuo esite\n/employers/3',
        stamp: new Date('2026-03-01T10:00:00Z'),
      },
    ]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tyoelama CRM//Follow-ups//FI',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Seurannat',
      'X-WR-TIMEZONE:Europe/Helsinki',
      'BEGIN:VEVENT',
      'UID:followup-7@tyoelama-crm',
      'DTSTAMP:20260301T100000Z',
      'DTSTART;VALUE=DATE:20260302',
      'DTEND;VALUE=DATE:20260303',
      'SUMMARY:Soita\\, sovi käynti – Kesko Oyj',
      'DESCRIPTION:Muista\\; tuo esite\\n/employers/3',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
});
