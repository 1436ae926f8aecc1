import { useTranslation } from 'react-i18next';
import { StatsTable } from '../../ui/StatsTable.js';
import { GOOD_CATEGORIES, HARMFUL_CATEGORIES } from '@sidecoach/shared';
import { NumberCell } from '../../ui/cells.js';
import { formatRate, rateCsv, weekLabel } from './format.js';
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
    <StatsTable
      caption={caption}
      fileName="coaching-language-weeks"
      className="weeks-table"
      testId="language-weeks"
    >
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
            <th scope="row" data-csv={week}>
              <time dateTime={week}>{weekLabel(week, i18n.language)}</time>
            </th>
            <td>{coach.notes[i] ?? 0}</td>
            <NumberCell value={rates[i] ?? null} csv={rateCsv(rates[i] ?? null)}>
              {formatRate(rates[i] ?? null, i18n.language)}
            </NumberCell>
            {HARMFUL_CATEGORIES.map((c) => (
              <td key={c}>{cell(c, i)}</td>
            ))}
            {GOOD_CATEGORIES.map((c) => (
              <td key={c}>{cell(c, i)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </StatsTable>
  );
}
