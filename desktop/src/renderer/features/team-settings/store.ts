// A team's settings that its lead (or a quality manager) changes: whether agents see their
// customers' answers, and "coach on behaviours, not scores".
import { create } from 'zustand';
import type { TeamSettings } from '@sidecoach/shared';
import { ask, type AskOptions } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { currentUser } from '../../hub/session-store.js';

/** A team's settings a lead can change. */
export type TeamFlags = Pick<TeamSettings, 'agentsSeeSurveys' | 'behavioursOnly'>;
export interface TeamSetting {
  value: TeamFlags | null;
  status: 'loading' | 'loaded' | 'saving' | 'saved' | 'failed';
  error: Message | null;
}

interface TeamSettingsState {
  teamSettings: Record<string, TeamSetting>;
  reset(): void;
}

export const useTeamSettings = create<TeamSettingsState>()((set) => ({
  teamSettings: {},
  reset: () => set({ teamSettings: {} }),
}));

const get = () => useTeamSettings.getState();
const set = (patch: Partial<TeamSettingsState>) => useTeamSettings.setState(patch);

const LOADING: AskOptions = {
  messages: { forbidden: 'surveys.error.forbidden', refused: 'surveys.error.other' },
};
const SAVING: AskOptions = { messages: { refused: 'surveys.error.save' } };

const myTeams = () => currentUser()?.teams ?? [];
const mayChangeTeams = () => {
  const role = currentUser()?.role;
  return role === 'lead' || role === 'admin';
};

function setTeam(teamId: string, setting: TeamSetting) {
  set({ teamSettings: { ...get().teamSettings, [teamId]: setting } });
}

export async function loadTeamSettings(): Promise<void> {
  if (!mayChangeTeams()) return;
  await Promise.all(
    myTeams().map(async ({ id }) => {
      const before = get().teamSettings[id];
      if (before?.status === 'saving') return;
      setTeam(id, { value: before?.value ?? null, status: 'loading', error: null });
      const res = await ask('team:settings', { teamId: id }, LOADING);
      if (res.ok) setTeam(id, { value: flags(res.data), status: 'loaded', error: null });
      else setTeam(id, { value: before?.value ?? null, status: 'failed', error: res.error });
    }),
  );
}

const flags = (s: TeamSettings): TeamFlags => ({
  agentsSeeSurveys: s.agentsSeeSurveys,
  behavioursOnly: s.behavioursOnly,
});

export async function saveTeamSetting(teamId: string, patch: Partial<TeamFlags>): Promise<void> {
  const before = get().teamSettings[teamId]?.value ?? null;
  if (!before) return;
  setTeam(teamId, { value: { ...before, ...patch }, status: 'saving', error: null });
  const res = await ask('team:settings', { teamId, ...patch }, SAVING);
  if (res.ok) {
    setTeam(teamId, { value: flags(res.data), status: 'saved', error: null });
    return;
  }
  setTeam(teamId, { value: before, status: 'failed', error: res.error });
}
