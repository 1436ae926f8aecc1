import { useLanguageStats } from '../../store/language-stats-store.js';
import { useObserve } from '../../store/observe-store.js';
import { useLanguageCheck } from '../coaching-text/note-language.js';
import { LanguageStatsView } from '../language-stats/LanguageStatsView.js';
import { ObserveView } from '../observe/ObserveView.js';
import { FloorView } from './FloorView.js';

/** Supervisors, leads and admins: the floor, the agent they sit beside, or how coaches word notes. */
export function CoachWorkspace() {
  const target = useObserve((s) => s.target);
  const statsOpen = useLanguageStats((s) => s.open);
  const check = useLanguageCheck();
  return (
    <main>
      {target ? <ObserveView check={check} /> : statsOpen ? <LanguageStatsView /> : <FloorView />}
    </main>
  );
}
