import { useTranslation } from 'react-i18next';
import { StatsTable } from '../../ui/StatsTable.js';
import type { LanguageStats } from '@sidecoach/shared';
import { NumberCell } from '../../ui/cells.js';
import { formatRate, rateCsv } from './format.js';
import { harmfulPerWeek, trendOf, trendWindow } from './rates.js';

const ARROW = { better: '↓', worse: '↑', same: '→', unknown: '' } as const;

/** Every coach at a glance: harmful patterns per note, first weeks against last weeks. */
export function TrendTable({
  stats,
  selected,
  onSelect,
}: {
  stats: LanguageStats;
  selected: string | null;
  onSelect: (coachId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const weeks = stats.weeks.length;
  const n = trendWindow(weeks);
  return (
    <StatsTable
      caption={t('languageStats.trendCaption')}
      fileName="coaching-language"
      className="trend-table"
      testId="language-trends"
    >
      <thead>
        <tr>
          <th scope="col">{t('languageStats.coach')}</th>
          <th scope="col">{t('languageStats.notes')}</th>
          <th scope="col">{t('languageStats.firstWeeks', { count: n })}</th>
          <th scope="col">{t('languageStats.lastWeeks', { count: n })}</th>
        </tr>
      </thead>
      <tbody>
        {stats.coaches.map((coach) => {
          const trend = trendOf(coach, weeks);
          const notes = coach.notes.reduce((a, b) => a + b, 0);
          const harmful = harmfulPerWeek(coach, weeks).reduce((a, b) => a + b, 0);
          return (
            <tr key={coach.coachId} className={coach.coachId === selected ? 'selected' : ''}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-pressed={coach.coachId === selected}
                  onClick={() => onSelect(coach.coachId)}
                >
                  {coach.displayName}
                </button>
              </th>
              <td>
                {notes}
                <span className="small muted">
                  {' '}
                  · {t('languageStats.harmfulCount', { count: harmful })}
                </span>
              </td>
              <NumberCell value={trend.first} csv={rateCsv(trend.first)}>
                {formatRate(trend.first, i18n.language)}
              </NumberCell>
              <NumberCell
                value={trend.last}
                csv={rateCsv(trend.last)}
                className={`trend trend-${trend.direction}`}
              >
                {formatRate(trend.last, i18n.language)} {ARROW[trend.direction]}
                <span className="visually-hidden">
                  {' '}
                  {t(`languageStats.trend.${trend.direction}`)}
                </span>
              </NumberCell>
            </tr>
          );
        })}
      </tbody>
    </StatsTable>
  );
}
