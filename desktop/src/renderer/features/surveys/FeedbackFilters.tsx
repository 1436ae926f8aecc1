import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useObserve } from '../observe/store.js';
import { useCalls } from '../call/store.js';
import { setFilters, useSurveys } from './store.js';
import { TeamSelect } from './controls.js';
import { PeriodPicker } from '../../ui/PeriodPicker.js';
import { CallTypeSelect } from '../../ui/CallTypeSelect.js';
import { NameSelect } from '../../ui/NameSelect.js';

/** Team, agent, call type and period of the feedback list. */
export function FeedbackFilters() {
  const { t } = useTranslation();
  const filters = useSurveys((s) => s.filters);
  const responses = useSurveys((s) => s.feedback.responses);
  const floor = useObserve((s) => s.floor);
  const pack = useCalls((s) => s.pack);
  // The floor lists the coach's agents; answers may name others (left the team, admins).
  const agents = useMemo(() => {
    const names = new Map(floor.map((a) => [a.agentId, a.displayName]));
    for (const r of responses) if (!names.has(r.agentId)) names.set(r.agentId, r.agentName);
    return [...names.entries()]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([id, name]) => ({ id, name }));
  }, [floor, responses]);
  return (
    <fieldset className="survey-filters">
      <legend className="visually-hidden">{t('surveys.feedback.filters')}</legend>
      <TeamSelect value={filters.teamId} onChange={(teamId) => setFilters({ teamId })} />
      <NameSelect
        label={t('surveys.agent.label')}
        allLabel={t('surveys.agent.all')}
        value={filters.agentId ?? ''}
        options={agents}
        onChange={(id) => setFilters({ agentId: id || null })}
      />
      <CallTypeSelect
        pack={pack}
        value={filters.callType}
        onChange={(callType) => setFilters({ callType })}
      />
      <PeriodPicker value={filters.period} onChange={(period) => setFilters({ period })} />
    </fieldset>
  );
}
