/**
 * English strings of KPI dashboards, the agent's own figures, KPI settings (merged under `kpi` in translation.en.ts). The other languages
 * have the same keys.
 */
export const kpiEn = {
  nav: 'Figures',
};

export type KpiMessages = typeof kpiEn;
