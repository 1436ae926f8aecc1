import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BONUS_CAP, scorecardChange, type StandardsPack } from '@sidecoach/shared';
import { CallTypesCard } from './CallTypesCard.js';
import { SectionCard } from './SectionCard.js';
import { Field, focusField, PointsField } from './parts.js';
import { sectionsOf, setBonusCap } from './edit.js';
import {
  discardEdit,
  edit,
  editedPack,
  openCallType,
  openItem,
  publish,
  setNote,
  useScorecard,
} from './store.js';
import { checkDraft, type DraftCheck, type Problem } from './validate.js';

/** The edited pack and its check, recomputed only when the pack changes. */
export function useChecked(): { pack: StandardsPack; check: DraftCheck } {
  const pack = useScorecard((s) => editedPack(s))!;
  const check = useMemo(() => checkDraft(pack), [pack]);
  return { pack, check };
}

/** Editing the scorecard: the five sections and their items, call types, the bonus cap, publish. */
export function EditTab() {
  const { pack, check } = useChecked();
  return (
    <div className="sc-edit">
      <PendingLine check={check} />
      <div className="sc-sections">
        {sectionsOf(pack).map((section) => (
          <SectionCard key={section.area} pack={pack} section={section} problems={check.problems} />
        ))}
      </div>
      <CallTypesCard pack={pack} problems={check.problems} />
      <ScoringCard pack={pack} problems={check.problems} />
      <PublishCard check={check} />
    </div>
  );
}

/**
 * In the sidebar the publish card is at the bottom: what the edit will be is said on top too,
 * with the way down to it (at a desk the card stays in view beside the sections).
 */
function PendingLine({ check }: { check: DraftCheck }) {
  const { t } = useTranslation();
  const active = useScorecard((s) => s.active)!;
  const edited = useScorecard((s) => s.draft !== null);
  if (!edited) return null;
  const change = check.pack ? scorecardChange(active, check.pack) : null;
  if (change === 'none') return null;
  return (
    <div className="sc-pending">
      <p>
        {change === null
          ? t('scorecard.publish.pendingProblems', { count: check.problems.length })
          : change === 'version'
            ? t('scorecard.publish.pendingVersion')
            : t('scorecard.publish.pendingRevision')}
      </p>
      <button type="button" className="link" onClick={() => focusField('note')}>
        {t('scorecard.publish.goPublish')}
      </button>
    </div>
  );
}

/** The pack-wide scoring rule: the most points bonus items may add. */
function ScoringCard({ pack, problems }: { pack: StandardsPack; problems: readonly Problem[] }) {
  const { t } = useTranslation();
  return (
    <section className="card sc-scoring" aria-labelledby="sc-scoring-title">
      <h3 id="sc-scoring-title">{t('scorecard.scoring.title')}</h3>
      <PointsField
        label={t('scorecard.scoring.bonusCap')}
        field="bonusCap"
        problems={problems}
        hint={t('scorecard.scoring.bonusCapHint', { cap: DEFAULT_BONUS_CAP })}
        placeholder={String(DEFAULT_BONUS_CAP)}
        value={pack.bonusCap}
        onChange={(cap) => edit((p) => setBonusCap(p, cap))}
      />
    </section>
  );
}

/** What publishing will be (a version or a revision), the note, and the button. */
function PublishCard({ check }: { check: DraftCheck }) {
  const { t } = useTranslation();
  const active = useScorecard((s) => s.active)!;
  const info = useScorecard((s) => s.info)!;
  const edited = useScorecard((s) => s.draft !== null);
  const note = useScorecard((s) => s.note);
  const busy = useScorecard((s) => s.busy);
  const conflict = useScorecard((s) => s.conflict);
  const change = check.pack ? scorecardChange(active, check.pack) : null;
  const next =
    change === 'version'
      ? { version: info.pack.version + 1, revision: 1 }
      : { version: info.pack.version, revision: info.revision + 1 };
  const publishing = busy === 'publishing';
  const canPublish = change !== null && change !== 'none' && !busy && !conflict;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canPublish) void publish();
  };
  return (
    <form className="card sc-publish" aria-labelledby="sc-publish-title" onSubmit={submit}>
      <h3 id="sc-publish-title">{t('scorecard.publish.title')}</h3>
      {check.problems.length > 0 ? (
        <ProblemList problems={check.problems} />
      ) : (
        <p
          data-testid="scorecard-change"
          className={change === 'version' ? 'sc-change-version' : ''}
        >
          {change === 'version'
            ? t('scorecard.publish.makesVersion', next)
            : change === 'revision'
              ? t('scorecard.publish.makesRevision', next)
              : t('scorecard.publish.nothing')}
        </p>
      )}
      <Field label={t('scorecard.publish.note')} field="note" problems={[]}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={500}
            value={note}
            placeholder={t('scorecard.publish.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <div className="sc-row">
        <button type="submit" className="primary" disabled={!canPublish}>
          {publishing
            ? t('scorecard.publish.publishing')
            : change === 'version'
              ? t('scorecard.publish.version', next)
              : change === 'revision'
                ? t('scorecard.publish.revision', next)
                : t('scorecard.publish.button')}
        </button>
        {edited && !busy ? (
          <button type="button" className="link" onClick={discardEdit}>
            {t('scorecard.publish.discard')}
          </button>
        ) : null}
      </div>
      {publishing ? (
        <p className="small muted" role="status">
          {t('scorecard.publish.publishing')}
        </p>
      ) : null}
    </form>
  );
}

/** Every problem, each a link to its field (its item or call type opened). */
function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const pack = useScorecard((s) => editedPack(s))!;
  const { i18n } = useTranslation();
  const where = (p: Problem) => {
    if (p.itemId) {
      const item = sectionsOf(pack)
        .flatMap((s) => s.items)
        .find((i) => i.id === p.itemId);
      return item ? (item.text[i18n.language] ?? item.text.en ?? p.itemId) : p.itemId;
    }
    if (p.callTypeId) {
      const ct = pack.callTypes.find((c) => c.id === p.callTypeId);
      return ct ? (ct.name[i18n.language] ?? ct.name.en ?? p.callTypeId) : p.callTypeId;
    }
    return t('scorecard.problem.pack');
  };
  const go = (p: Problem) => {
    if (p.itemId) openItem(p.itemId);
    if (p.callTypeId) openCallType(p.callTypeId);
    focusField(p.field);
  };
  return (
    <div className="sc-problems" role="alert" data-testid="scorecard-problems">
      <p className="sc-problems-title">
        {t('scorecard.problem.count', { count: problems.length })}
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.field}-${i}`}>
            <button type="button" className="link" onClick={() => go(p)}>
              {where(p) || t('scorecard.problem.unnamed')}
            </button>
            {': '}
            {t(p.key, p.values)}
          </li>
        ))}
      </ul>
    </div>
  );
}
