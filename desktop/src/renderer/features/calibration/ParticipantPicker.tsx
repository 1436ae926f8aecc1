import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalibrationSetup } from '@sidecoach/shared';
import { peopleOrder } from './create-form.js';

const STAFF_ROLES = new Set(['admin', 'lead', 'supervisor', 'agent']);

/**
 * Who scores a calibration session: each person the hub offers (evaluators first, by name) as a
 * checkbox with their role. The new-session form and a mystery call's "calibrate" panel both
 * pick with it; `children` (what is wrong with the choice) follows the list.
 */
export function ParticipantPicker({
  people,
  chosen,
  onChange,
  className = 'mgr-checks',
  children,
}: {
  people: CalibrationSetup['people'];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const roleName = (role: string) => (STAFF_ROLES.has(role) ? t(`roles.${role as 'agent'}`) : role);
  return (
    <fieldset className={className}>
      <legend>{t('calibration.create.participants')}</legend>
      <p className="mgr-hint">{t('calibration.create.participantsHint')}</p>
      {peopleOrder(people).map((p) => (
        <label key={p.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(p.id)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...new Set([...chosen, p.id])]
                  : chosen.filter((x) => x !== p.id),
              )
            }
          />
          {p.name}{' '}
          <span className="small muted">
            {p.evaluator
              ? t('calibration.create.evaluator', { role: roleName(p.role) })
              : roleName(p.role)}
          </span>
        </label>
      ))}
      {children}
    </fieldset>
  );
}
