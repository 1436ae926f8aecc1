import { create } from 'zustand';

// Whether the Figures area (KPI dashboards, the calls behind a number, KPI settings) is open, and
// where in it: the address's path after `#/figures/`, read by its screens (route.ts). All the
// rest of the sidebar (the address, the coach nav) needs only this; the screens' store and the
// agent's own figures load lazily and register here, so sign-out and reconnects reach them.

export const useFiguresView = create<{ open: boolean; path: string[] }>()(() => ({
  open: false,
  path: [],
}));

export const openFigures = (path: string[] = []) => useFiguresView.setState({ open: true, path });
export const closeFigures = () => useFiguresView.setState({ open: false });

/** What a loaded KPI store gives this module. */
export interface FiguresStore {
  /** The hub is back, or the user's profile changed: what is shown loads again. */
  reload(): void;
  reset(): void;
}
/** The loaded stores by name (the Figures area's, the agent's own figures'): each once. */
export const figuresStores = new Map<string, FiguresStore>();
