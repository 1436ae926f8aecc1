import { useTranslation } from 'react-i18next';

/**
 * "← Back": to where the user was (`surveys` strings) or to the sessions (`reflection`,
 * `calibration`).
 */
export function BackButton({
  strings,
  onClick,
}: {
  strings: 'surveys' | 'reflection' | 'calibration' | 'mysteryCaller.report';
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="link back"
      aria-label={t(`${strings}.backLabel`)}
      onClick={onClick}
    >
      {t(`${strings}.back`)}
    </button>
  );
}
