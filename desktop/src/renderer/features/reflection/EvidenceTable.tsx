import { useTranslation } from 'react-i18next';
import { StatsTable } from '../../ui/StatsTable.js';
import {
  STANDARD_AREAS,
  type Finding,
  type ItemEvidence,
  type StandardsPack,
} from '@sidecoach/shared';
import { itemName, tallyText } from './format.js';

export function FindingBadge({ finding }: { finding: Finding | null }) {
  const { t } = useTranslation();
  if (!finding) return null;
  return (
    <span className={`finding-badge ${finding}`} data-testid="finding">
      {t(`reflection.finding.${finding}`)}
    </span>
  );
}

/**
 * Every standard item of the period, by area, with the agent's own answers beside supervisors'
 * observations and QA; what the comparison found is marked. Without numbers (an agent coached
 * on behaviours), the standards and findings only.
 */
export function EvidenceTable({
  items,
  pack,
  numbers,
}: {
  items: ItemEvidence[];
  pack: StandardsPack | null;
  numbers: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cell: Parameters<typeof tallyText>[2] = (v) => t('reflection.prep.cell', v);
  const caption = t('reflection.prep.standards');
  return (
    <StatsTable
      caption={caption}
      fileName="session-evidence"
      className="evidence-table"
      testId="evidence-table"
    >
      <thead>
        <tr>
          <th scope="col">{t('reflection.prep.item')}</th>
          {numbers ? (
            <>
              <th scope="col">{t('reflection.prep.self')}</th>
              <th scope="col">{t('reflection.prep.observed')}</th>
              <th scope="col">{t('reflection.prep.qa')}</th>
            </>
          ) : null}
        </tr>
      </thead>
      {STANDARD_AREAS.map((area) => {
        const rows = items.filter((i) => i.area === area);
        if (rows.length === 0) return null;
        return (
          <tbody key={area}>
            <tr className="area-row">
              <th scope="rowgroup" colSpan={numbers ? 4 : 1}>
                {t(`areas.${area}`)}
              </th>
            </tr>
            {rows.map((row) => (
              <tr key={row.itemId} className={row.finding ?? undefined} data-item={row.itemId}>
                <th scope="row">
                  {itemName(pack, row.itemId, lang)} <FindingBadge finding={row.finding} />
                </th>
                {numbers ? (
                  <>
                    <td>{tallyText(row.self, lang, cell)}</td>
                    <td>{tallyText(row.observed, lang, cell)}</td>
                    <td>{tallyText(row.qa, lang, cell)}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        );
      })}
    </StatsTable>
  );
}
