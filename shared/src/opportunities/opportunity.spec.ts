import { validate } from '../common/validation';
import { createOpportunitySchema, updateOpportunitySchema } from './opportunity';

describe('opportunity schemas', () => {
  it('requires a reason for a lost opportunity', () => {
    const result = validate(updateOpportunitySchema, { version: 1, stage: 'lost' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors).toEqual([
        expect.objectContaining({ path: 'lostReason', code: 'lost_reason_required' }),
      ]);
    expect(validate(updateOpportunitySchema, { version: 1, stage: 'lost', lostReason: 'Budjetti' }).ok).toBe(true);
  });

  it('starts at identified by default', () => {
    const result = validate(createOpportunitySchema, {
      employerId: 1,
      title: 'Kevään paikat',
      type: 'training_agreement',
    });
    expect(result.ok && result.value.stage).toBe('identified');
  });
});
