import { describe, expect, it } from 'vitest';
import { INTERVENTION_STATUS_LABELS, ZInterventionStatus, ZLocalAuthority } from './authority.js';

const northmoor = {
  name: 'Northmoor Borough Council',
  onsCode: 'E09000099',
  dcsName: 'Alex Example',
  leadMember: 'Cllr Sam Example',
  currentGrade: 'inadequate',
  interventionStatus: 'improvement_notice',
};

describe('ZLocalAuthority', () => {
  it('parses the demo authority, and one not yet inspected', () => {
    expect(ZLocalAuthority.parse(northmoor).currentGrade).toBe('inadequate');
    expect(ZLocalAuthority.parse({ ...northmoor, currentGrade: null, interventionStatus: 'none' }).currentGrade).toBeNull();
  });

  it('rejects a bad ONS code and a blank DCS with readable messages', () => {
    const r = ZLocalAuthority.safeParse({ ...northmoor, onsCode: '123', dcsName: '  ' });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byPath.onsCode).toBe('ONS code looks like E09000099');
    expect(byPath.dcsName).toBe('Enter the name of the Director of Children’s Services');
  });

  it('has the DfE track statuses, each labelled', () => {
    expect(ZInterventionStatus.options).toEqual(['none', 'improvement_notice', 'statutory_direction', 'adm', 'exit_supervision']);
    expect(Object.keys(INTERVENTION_STATUS_LABELS)).toEqual(ZInterventionStatus.options);
    expect(ZLocalAuthority.safeParse({ ...northmoor, interventionStatus: 'trust' }).success).toBe(false);
  });
});
