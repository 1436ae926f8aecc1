import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allItems,
  type Answer,
  type CalibrationOpened,
  type CalibrationReveal,
  type ItemAgreement,
} from '@sidecoach/shared';
import { downloadCsv } from '../../lib/csv.js';
import { localDay } from '../../lib/time.js';
import { HeaderCells, TableExportButton } from '../../ui/StatsTable.js';
import { Notice, QaTable, Section } from '../qa/parts.js';
import { cellText, csvRows, itemName, shareOf } from '../qa/rows.js';
import { ANSWERS } from '../qa/SheetItems.js';
import {
  answersFile,
  byDisagreement,
  countsText,
  figuresTable,
  participantsTable,
  sideBySideTable,
} from './rows.js';
import { agreedWithoutBenchmark } from './sheet.js';
import { benchmarkAgreed, closeCalibration, saveBenchmark, useCalibration } from './store.js';

/**
 * After the reveal: the session's figures, everyone's answers side by side (disagreement first),
 * the benchmark and how each item is to be read, each participant against the benchmark, and
 * closing the session.
 */
export function RevealPanel({ opened }: { opened: CalibrationOpened }) {
  const { t } = useTranslation();
  const c = useRows(opened);
  const reveal = opened.reveal;
  if (!reveal) return <p className="muted small">{t('calibration.reveal.notShown')}</p>;
  return (
    <>
      <Figures opened={opened} reveal={reveal} />
      <SideBySide opened={opened} reveal={reveal} />
      <Benchmarks opened={opened} reveal={reveal} />
      <Section title={t('calibration.participants.title')} testId="cal-deviation-section">
        <p className="mgr-hint">{t('calibration.participants.intro')}</p>
        <QaTable
          caption={t('calibration.participants.caption')}
          fileName="calibration-participants"
          table={participantsTable(reveal.figures, c)}
          testId="cal-deviation"
        />
      </Section>
      {opened.can.close ? <CloseSession /> : null}
      {opened.session.status === 'closed' ? (
        <p className="small muted" data-testid="cal-closed">
          {t('calibration.close.closed')}
        </p>
      ) : null}
    </>
  );
}

/** What the tables are written with: the UI's strings and language, the session's scorecard. */
function useRows(opened: CalibrationOpened) {
  const { t, i18n } = useTranslation();
  return { t, lang: i18n.language, pack: opened.pack, today: localDay() };
}

/** The session's figures: a figure and its value per row (two columns fit the sidebar). */
function Figures({ opened, reveal }: { opened: CalibrationOpened; reveal: CalibrationReveal }) {
  const { t } = useTranslation();
  const c = useRows(opened);
  const table = figuresTable(reveal.figures, c);
  const caption = t('calibration.figures.caption', { title: opened.session.title });
  const id = useId();
  return (
    <Section title={t('calibration.figures.title')} testId="cal-figures-section">
      <div className="exportable-table cal-figures">
        <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
          <table className="stats-table mgr-table qa-table" data-testid="cal-figures">
            <caption id={id}>{caption}</caption>
            <thead>
              <tr>
                <HeaderCells header={table.header} />
              </tr>
            </thead>
            <tbody>
              {table.rows.map(([figure, value]) => (
                <tr key={cellText(figure!)}>
                  <th scope="row">{cellText(figure!)}</th>
                  <td>{cellText(value!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <TableExportButton
          caption={caption}
          onExport={() =>
            downloadCsv(
              `sidecoach-calibration-figures-${localDay()}.csv`,
              table.header,
              csvRows(table),
            )
          }
        />
      </div>
      <p className="mgr-hint">{t('calibration.figures.howToRead')}</p>
    </Section>
  );
}

/** One row per item, one column per participant (stacked as cards in the sidebar). */
function SideBySide({ opened, reveal }: { opened: CalibrationOpened; reveal: CalibrationReveal }) {
  const { t } = useTranslation();
  const c = useRows(opened);
  const table = sideBySideTable(opened, reveal, c);
  const caption = t('calibration.items.caption');
  const id = useId();
  const order = byDisagreement(reveal.figures.items, opened.pack);
  return (
    <Section title={t('calibration.items.title')} testId="cal-answers-section">
      <p className="mgr-hint">{t('calibration.items.intro')}</p>
      <div className="exportable-table">
        <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
          <table
            className="stats-table mgr-table qa-table mgr-stack cal-answers"
            data-testid="cal-answers"
          >
            <caption id={id}>{caption}</caption>
            <thead>
              <tr>
                <HeaderCells header={table.header} />
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => {
                const item = order[r]!;
                const spread = item.percentAgreement !== null && item.percentAgreement < 1;
                return (
                  <tr key={item.itemId} className={spread ? 'cal-disagree' : undefined}>
                    <th scope="row">{cellText(row[0]!)}</th>
                    {row.slice(1).map((cell, i) => (
                      <td
                        key={i}
                        data-label={table.header[i + 1]}
                        className={answerClass(
                          i < reveal.sheets.length
                            ? reveal.sheets[i]!.answers[item.itemId]
                            : i === reveal.sheets.length + 1
                              ? item.benchmark
                              : undefined,
                        )}
                      >
                        {cellText(cell)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <TableExportButton
          caption={caption}
          onExport={() => {
            const file = answersFile(opened, reveal, c);
            downloadCsv(
              `sidecoach-calibration-answers-${localDay()}.csv`,
              file.header,
              csvRows(file),
            );
          }}
        />
      </div>
    </Section>
  );
}

/** Colours an answer's cell (yes green, no red), as the evaluation shows answers. */
const answerClass = (answer: Answer | null | undefined) =>
  answer ? `qa-answer ${answer}` : undefined;

function Benchmarks({ opened, reveal }: { opened: CalibrationOpened; reveal: CalibrationReveal }) {
  const { t } = useTranslation();
  return (
    <Section title={t('calibration.benchmark.title')} testId="cal-benchmarks">
      <p className="mgr-hint">
        {opened.can.benchmark
          ? t('calibration.benchmark.intro', { version: opened.session.packVersion })
          : t('calibration.benchmark.readOnly')}
      </p>
      {opened.can.benchmark ? <TakeAgreed reveal={reveal} /> : null}
      <div className="cal-benchmark-grid">
        {byDisagreement(reveal.figures.items, opened.pack).map((item) => (
          <BenchmarkItem
            // A benchmark or note changed on the hub starts the item's form again from it.
            key={`${item.itemId}|${item.benchmark ?? ''}|${item.note}`}
            opened={opened}
            item={item}
          />
        ))}
      </div>
    </Section>
  );
}

/** The common answer as the benchmark of every item answered alike, in one go, with progress. */
function TakeAgreed({ reveal }: { reveal: CalibrationReveal }) {
  const { t } = useTranslation();
  const agreed = useCalibration((s) => s.agreed);
  const notice = useCalibration((s) => s.agreedNotice);
  const busy = useCalibration((s) => s.benchmark.saving !== null);
  const count = agreedWithoutBenchmark(reveal.figures.items).length;
  return (
    <div className="qa-actions cal-agreed" data-testid="cal-agreed">
      {count > 0 && !agreed ? (
        <button type="button" disabled={busy} onClick={() => void benchmarkAgreed()}>
          {t('calibration.benchmark.takeAgreed', { count })}
        </button>
      ) : null}
      {agreed ? (
        <div className="mgr-progress" role="status">
          <span>
            {t('calibration.benchmark.agreedProgress', { done: agreed.done, total: agreed.total })}
          </span>
          <progress
            max={agreed.total}
            value={agreed.done}
            aria-label={t('calibration.benchmark.agreedProgress', {
              done: agreed.done,
              total: agreed.total,
            })}
          />
        </div>
      ) : null}
      <Notice notice={notice} />
    </div>
  );
}

function BenchmarkItem({ opened, item }: { opened: CalibrationOpened; item: ItemAgreement }) {
  const { t, i18n } = useTranslation();
  const saving = useCalibration((s) => s.benchmark.saving ?? (s.agreed ? 'agreed' : null));
  const notice = useCalibration((s) => s.benchmark.notices[item.itemId] ?? null);
  const [answer, setAnswer] = useState<Answer | ''>(item.benchmark ?? '');
  const [note, setNote] = useState(item.note);
  const name = itemName(opened.pack, item.itemId, i18n.language, t);
  const naAllowed = allItems(opened.pack).find((i) => i.id === item.itemId)?.naAllowed !== false;
  const id = `cal-bm-${item.itemId}`;
  const changed = answer !== (item.benchmark ?? '') || note.trim() !== item.note;
  return (
    <fieldset className="qa-point cal-benchmark" data-testid={`cal-benchmark-${item.itemId}`}>
      <legend>{name}</legend>
      <p className="small">
        {countsText(item, { t })} ·{' '}
        {t('calibration.items.agreement', { share: shareOf(i18n.language, item.percentAgreement) })}
      </p>
      {opened.can.benchmark ? (
        <form
          className="qa-form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveBenchmark(item.itemId, answer || null, note);
          }}
        >
          <div className="field qa-narrow">
            <label htmlFor={`${id}-answer`}>{t('calibration.benchmark.answer')}</label>
            <select
              id={`${id}-answer`}
              value={answer}
              onChange={(e) => setAnswer(e.target.value as Answer | '')}
            >
              <option value="">{t('calibration.benchmark.none')}</option>
              {ANSWERS.filter((a) => a !== 'na' || naAllowed).map((a) => (
                <option key={a} value={a}>
                  {t(`qa.answer.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('calibration.benchmark.note')}</label>
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={2000}
              value={note}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setNote(e.target.value)}
            />
            <p className="mgr-hint" id={`${id}-hint`}>
              {t('calibration.benchmark.noteHint')}
            </p>
          </div>
          <Notice notice={notice} />
          <div className="qa-actions">
            <button
              type="submit"
              className="primary"
              disabled={saving !== null || !changed}
              aria-label={t('calibration.benchmark.saveLabel', { item: name })}
            >
              {saving === item.itemId ? t('qa.saving') : t('calibration.benchmark.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="small">
            {t('calibration.benchmark.current', {
              answer: item.benchmark
                ? t(`qa.answer.${item.benchmark}`)
                : t('calibration.benchmark.none'),
            })}
          </p>
          {item.note ? (
            <p className="small qa-guidance">
              <strong>{t('qa.item.guidance')}</strong> {item.note}
            </p>
          ) : null}
        </>
      )}
    </fieldset>
  );
}

function CloseSession() {
  const { t } = useTranslation();
  const saving = useCalibration((s) => s.saving);
  return (
    <Section title={t('calibration.close.title')} testId="cal-close">
      <p className="mgr-hint">{t('calibration.close.intro')}</p>
      <div className="qa-actions">
        <button type="button" disabled={saving !== null} onClick={() => void closeCalibration()}>
          {saving === 'close' ? t('qa.saving') : t('calibration.close.action')}
        </button>
      </div>
    </Section>
  );
}
