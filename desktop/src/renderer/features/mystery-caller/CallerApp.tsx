import { useEffect } from 'react';
import { BoardView } from './BoardView.js';
import { ReportView } from './ReportView.js';
import { closeReport, loadBoard, openReport, useCaller } from './store.js';
import { useCallerView } from './view.js';
import './caller.css';

/**
 * A mystery caller's whole app, loaded on demand: their board, or one call's report. Nothing of
 * the staff's screens: no checklist, no floor, no coaching.
 */
export default function CallerApp() {
  const assignmentId = useCallerView((s) => s.assignmentId);
  useEffect(() => {
    if (useCaller.getState().boardStatus === 'idle') void loadBoard();
  }, []);
  useEffect(() => {
    if (assignmentId) void openReport(assignmentId);
    else closeReport();
  }, [assignmentId]);
  return assignmentId ? <ReportView /> : <BoardView />;
}
