// Where in the mystery-call screens the manager is, read from the view's path (the address
// after `#/mystery/`) and written back to it: anything unknown is the programmes' list.

export const WAVE_PAGES = ['plan', 'assignments', 'reviews', 'results'] as const;
export type WavePage = (typeof WAVE_PAGES)[number];

export type MysteryRoute =
  | { screen: 'programmes' }
  /** A programme and its waves (`new`: a programme being made). */
  | { screen: 'programme'; id: string }
  | { screen: 'new-wave'; programmeId: string }
  | { screen: 'wave'; id: string; page: WavePage }
  | { screen: 'callers' }
  /** A caller's details (`new`: a caller being made). */
  | { screen: 'caller'; id: string }
  /** Reports waiting for review, of every wave. */
  | { screen: 'reviews' }
  | { screen: 'review'; assignmentId: string };

/** The top tabs: programmes (and their waves), callers, reports to review. */
export const MYSTERY_TABS = ['programmes', 'callers', 'reviews'] as const;
export type MysteryTab = (typeof MYSTERY_TABS)[number];

export function routeOf(path: readonly string[]): MysteryRoute {
  const [first, second, third] = path;
  if (first === 'programmes' && second && path.length === 2)
    return { screen: 'programme', id: second };
  if (first === 'programmes' && second && third === 'new-wave' && path.length === 3)
    return { screen: 'new-wave', programmeId: second };
  if (first === 'waves' && second && path.length <= 3) {
    const page = WAVE_PAGES.find((p) => p === (third ?? 'plan'));
    if (page) return { screen: 'wave', id: second, page };
  }
  if (first === 'callers' && path.length === 1) return { screen: 'callers' };
  if (first === 'callers' && second && path.length === 2) return { screen: 'caller', id: second };
  if (first === 'reviews' && path.length === 1) return { screen: 'reviews' };
  if (first === 'reviews' && second && path.length === 2)
    return { screen: 'review', assignmentId: second };
  return { screen: 'programmes' };
}

export function pathOf(route: MysteryRoute): string[] {
  switch (route.screen) {
    case 'programmes':
    case 'callers':
    case 'reviews':
      return [route.screen];
    case 'programme':
      return ['programmes', route.id];
    case 'new-wave':
      return ['programmes', route.programmeId, 'new-wave'];
    case 'wave':
      return route.page === 'plan' ? ['waves', route.id] : ['waves', route.id, route.page];
    case 'caller':
      return ['callers', route.id];
    case 'review':
      return ['reviews', route.assignmentId];
  }
}

/** The top tab a screen sits under. */
export function tabOf(route: MysteryRoute): MysteryTab {
  if (route.screen === 'callers' || route.screen === 'caller') return 'callers';
  if (route.screen === 'reviews' || route.screen === 'review') return 'reviews';
  return 'programmes';
}
