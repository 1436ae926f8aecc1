import { create } from 'zustand';

/** Whether the Settings panel is shown instead of the workspace. */
export const useSettingsPanel = create<{ open: boolean }>()(() => ({ open: false }));

export const toggleSettings = () =>
  useSettingsPanel.setState({ open: !useSettingsPanel.getState().open });
