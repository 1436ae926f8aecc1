import { describe, expect, it } from 'vitest';
import { GroupMapSchema, mapGroups } from './group-mapping.js';

describe('group mapping', () => {
  const map = GroupMapSchema.parse({
    groups: {
      floor: { role: 'agent', teams: ['team-a'] },
      coaches: { role: 'lead', teams: ['team-b'] },
      quality: { role: 'admin' },
      night: { teams: ['team-c'] },
    },
  });

  it('gives the highest staff role of the mapped groups and every team they name', () => {
    expect(mapGroups(map, ['floor', 'coaches', 'unknown'])).toEqual({
      access: { role: 'lead', teamIds: ['team-a', 'team-b'] },
      unknown: ['unknown'],
    });
    expect(mapGroups(map, ['quality', 'floor']).access?.role).toBe('admin');
    expect(mapGroups(map, ['night']).access).toEqual({ role: null, teamIds: ['team-c'] });
    expect(mapGroups(map, ['elsewhere']).access).toBeNull();
  });

  it('refuses a mapping to mystery callers (never staff, never in a team)', () => {
    const parsed = GroupMapSchema.safeParse({ groups: { shoppers: { role: 'caller' } } });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/agent.*supervisor.*lead.*admin/);
  });
});
