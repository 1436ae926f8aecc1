import { useObserve } from '../../store/observe-store.js';
import { ObserveView } from '../observe/ObserveView.js';
import { FloorView } from './FloorView.js';

/** Supervisors, leads and admins: the floor, or the agent they sit beside. */
export function CoachWorkspace() {
  const target = useObserve((s) => s.target);
  return <main>{target ? <ObserveView /> : <FloorView />}</main>;
}
