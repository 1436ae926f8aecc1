import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CoachViewTop } from '../floor/CoachNav.js';
import { CallersTab } from './CallersTab.js';
import { ProgrammeScreen, ProgrammesTab } from './ProgrammesTab.js';
import { ReviewScreen } from './ReviewScreen.js';
import { ReviewsList } from './ReviewsList.js';
import { routeOf, tabOf, MYSTERY_TABS } from './route.js';
import { go, show, useMystery } from './store.js';
import { closeMystery, useMysteryView } from './view.js';
import { WaveScreen } from './WaveScreen.js';
import '../../ui/manager.css';
import '../qa/qa.css';
import './mystery.css';

/**
 * Mystery-call programmes for quality managers: programmes and their waves (plan, launch,
 * assignments, reviews, results), callers, and the reports waiting for review, each screen at an
 * address of its own (`#/mystery/...`).
 */
export default function MysteryView() {
  const { t } = useTranslation();
  const path = useMysteryView((s) => s.path);
  const route = useMemo(() => routeOf(path), [path]);
  const key = path.join('/');
  const waiting = useMystery((s) => (s.reviews.waveId === null ? s.reviews.data.length : null));
  // Every screen loads what it shows when it is opened (the address, a link, back and forward).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the route follows `key`
  useEffect(() => show(route), [key]);
  const tab = tabOf(route);
  return (
    <div className="mys-view qa-view manager-screen">
      <CoachViewTop current="mystery" onBack={closeMystery} />
      <h2 className="no-print">{t('mystery.title')}</h2>
      <nav className="mgr-tabs no-print" aria-label={t('mystery.tabs.label')}>
        {MYSTERY_TABS.map((entry) => (
          <button
            key={entry}
            type="button"
            aria-current={entry === tab ? 'page' : undefined}
            onClick={() => go({ screen: entry })}
          >
            {t(`mystery.tabs.${entry}`)}
            {entry === 'reviews' && waiting ? (
              <>
                <span className="badge" aria-hidden="true">
                  {waiting}
                </span>
                <span className="visually-hidden">
                  {' '}
                  ({t('mystery.tabs.waiting', { count: waiting })})
                </span>
              </>
            ) : null}
          </button>
        ))}
      </nav>
      {route.screen === 'programmes' ? (
        <ProgrammesTab />
      ) : route.screen === 'programme' ? (
        <ProgrammeScreen key={route.id} id={route.id} />
      ) : route.screen === 'new-wave' ? (
        <WaveScreen
          key={`new-${route.programmeId}`}
          programmeId={route.programmeId}
          id={null}
          page="plan"
        />
      ) : route.screen === 'wave' ? (
        <WaveScreen key={route.id} programmeId={null} id={route.id} page={route.page} />
      ) : route.screen === 'callers' || route.screen === 'caller' ? (
        <CallersTab id={route.screen === 'caller' ? route.id : null} />
      ) : route.screen === 'reviews' ? (
        <ReviewsList waveId={null} />
      ) : (
        <ReviewScreen key={route.assignmentId} assignmentId={route.assignmentId} />
      )}
    </div>
  );
}
