import { useTranslation } from 'react-i18next';
import { ExportableTable } from '../../ui/ExportableTable.js';
import { GOOD_CATEGORIES, HARMFUL_CATEGORIES } from '@sidecoach/shared';
import { formatRate, weekLabel } from './format.js';
import { countsOf, harmfulPerWeek, perNote, type CoachStats } from './rates.js';

/** The chart's numbers as a table: one row per week, a column per pattern (scrolls sideways). */
export function WeeksTable({ coach, weeks }: { coach: CoachStats; weeks: string[] }) {
  const { t, i18n } = useTranslation();
  const n = weeks.length;
  const rates = perNote(harmfulPerWeek(coach, n), coach.notes);
  const cell = (category: string, i: number) => {
    const count = countsOf(coach, category, n)[i]!;
    return count > 0 ? count : <span className="muted">0</span>;
  };
  const caption = t('languageStats.weeksCaption', { name: coach.displayName });
  return (
    <ExportableTable name={caption} fileName="coaching-language-weeks">
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="stats-table weeks-table" data-testid="language-weeks">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('languageStats.week')}</th>
              <th scope="col">{t('languageStats.notes')}</th>
              <th scope="col">{t('languageStats.harmfulRate')}</th>
              {HARMFUL_CATEGORIES.map((c) => (
                <th key={c} scope="col" className="harmful-col">
                  {t(`languageCoach.category.${c}`)}
                </th>
              ))}
              {GOOD_CATEGORIES.map((c) => (
                <th key={c} scope="col" className="good-col">
                  {t(`languageCoach.category.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, i) => (
              <tr key={week} data-week={week}>
                <th scope="row">{weekLabel(week, i18n.language)}</th>
                <td>{coach.notes[i] ?? 0}</td>
                <td>{formatRate(rates[i] ?? null, i18n.language)}</td>
                {HARMFUL_CATEGORIES.map((c) => (
                  <td key={c}>{cell(c, i)}</td>
                ))}
                {GOOD_CATEGORIES.map((c) => (
                  <td key={c}>{cell(c, i)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ExportableTable>
  );
}
