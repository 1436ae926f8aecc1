import { describe, expect, it } from 'vitest';
import { planImport, readImportFile, type ImportSnapshot } from './import-plan.js';

const snapshot: ImportSnapshot = {
  actorId: 'u-admin',
  teamNames: ['Riga day', 'Shanghai late'],
  people: [
    {
      id: 'u-1',
      username: 'janis',
      displayName: 'Jānis Bērziņš',
      role: 'agent',
      extension: '2001',
      defaultLang: null,
      teamNames: ['Riga day'],
      disabled: false,
    },
    {
      id: 'u-admin',
      username: 'quality',
      displayName: 'Quinn Quality',
      role: 'admin',
      extension: null,
      defaultLang: null,
      teamNames: [],
      disabled: false,
    },
  ],
};

const plan = (csv: string) => planImport(readImportFile(csv), snapshot);

describe('HR import plan', () => {
  it('reads UTF-8 with or without a byte-order mark, any column order and case', () => {
    const csv = 'Display_Name,USERNAME,role,team,lang\r\n王小明,wang,agent,Shanghai late,zh-cn\r\n';
    const withBom = plan(`\ufeff${csv}`);
    expect(withBom).toEqual(plan(csv));
    expect(withBom.preview.rows).toEqual([
      {
        line: 2,
        username: 'wang',
        displayName: '王小明',
        outcome: 'create',
        changes: [],
        reasons: [],
      },
    ]);
    expect(withBom.writes[0]).toMatchObject({ defaultLang: 'zh-CN', teamNames: ['Shanghai late'] });
  });

  it('compares with what is stored: unchanged, changed fields, new teams', () => {
    const { preview } = plan(
      [
        'username,display_name,role,team,extension',
        'janis,Jānis Bērziņš,agent,Riga day,2001',
        'JANIS2,Līga Ozoliņa,supervisor,Riga day;Night,',
      ].join('\n'),
    );
    expect(preview.rows.map((r) => r.outcome)).toEqual(['unchanged', 'create']);
    expect(preview.newTeams).toEqual(['Night']);
    const moved = plan('username,team\njanis,Shanghai late\n').preview.rows[0];
    expect(moved).toMatchObject({ outcome: 'change', changes: ['team'] });
  });

  it('never imports a mystery caller, nor changes one into staff', () => {
    const withCaller: ImportSnapshot = {
      ...snapshot,
      people: [
        ...snapshot.people,
        {
          id: 'u-mia',
          username: 'mia',
          displayName: 'Mia Mystery',
          role: 'caller',
          extension: null,
          defaultLang: null,
          teamNames: [],
          disabled: false,
        },
      ],
    };
    const { preview } = planImport(
      readImportFile('username,display_name,role,team\nmole,Mole,caller,\nmia,,agent,Riga day\n'),
      withCaller,
    );
    expect(preview.rows.map((r) => [r.outcome, r.reasons])).toEqual([
      ['refused', ['mystery callers are made under Mystery calls, not imported']],
      ['refused', ['mia is a mystery caller: callers are not imported as staff']],
    ]);
  });

  it('refuses rows with reasons, and the whole file is then not applicable', () => {
    const { preview } = plan(
      [
        'username,display_name,role,team,extension,lang',
        'wang,王小明,agent,Riga day,2001,',
        'chen,陳美玲,boss,,,',
        'liga,Līga Ozoliņa,agent,Riga day;Shanghai late,,',
        'dup,A,agent,,,',
        'dup,B,agent,,,',
        'ok,Fine,agent,,2002,xx',
        'quality,,agent,,,',
        'new,,,,,',
      ].join('\n'),
    );
    expect(preview.applicable).toBe(false);
    expect(preview.rows.map((r) => [r.line, r.reasons])).toEqual([
      [2, ['extension 2001 is taken by janis']],
      [3, ['unknown role "boss" (one of agent, supervisor, lead, admin)']],
      [4, ['an agent is in one team at a time, not Riga day and Shanghai late']],
      [5, ['username dup is also on line 6']],
      [6, ['username dup is also on line 5']],
      [7, ['unknown language "xx" (one of en, zh-CN, zh-TW, lv)']],
      [8, ['you cannot give up your own admin role']],
      [9, ['no role for a new user', 'no display name for a new user']],
    ]);
    expect(preview.counts).toEqual({ create: 0, change: 0, unchanged: 0, refused: 8 });
  });

  it('refuses files that are not CSV, lack a username column or are too long', () => {
    expect(() => readImportFile('username,name\n"open')).toThrow(/not valid CSV/);
    expect(() => readImportFile('user,role\na,agent\n')).toThrow(/no "username" column/);
    expect(() => readImportFile('username,shoe_size\na,42\n')).toThrow(
      /unknown column "shoe_size"/,
    );
    const many = ['username', ...Array.from({ length: 5001 }, (_, i) => `u${i}`)].join('\n');
    expect(() => readImportFile(many)).toThrow(
      'the file has 5001 rows; one import takes at most 5000: split it',
    );
  });
});
