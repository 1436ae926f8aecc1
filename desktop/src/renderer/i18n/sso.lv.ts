import type { SsoMessages } from './sso.en.js';
import type { WithZeroPlurals } from './types.js';

/** Vienotās pieteikšanās latviešu teksti (atslēgas kā angļu failā). */
export const ssoLv: WithZeroPlurals<SsoMessages> = {
  button: 'Pieteikties ar {{provider}}',
  busy: 'Piesakās…',
  waiting: 'Pabeidziet pieteikšanos tīmekļa pārlūkā un tad atgriezieties šeit.',
  or: 'vai',
  passwordsOff: 'Šajā serverī pieteikšanās ar paroli ir izslēgta.',
  breakGlass: 'Administratora ārkārtas pieteikšanās',
  hideBreakGlass: 'Paslēpt paroles formu',
  error: {
    disabled: 'Jūsu konts ir atspējots. Palūdziet administratoram to atkal iespējot.',
    unknown_user:
      'Jūsu {{provider}} pieteikšanās datiem neatbilst neviens Sidecoach konts. Palūdziet administratoram jūs pievienot.',
    expired: 'Pieteikšanās ilga pārāk ilgi vai jau ir izmantota. Lūdzu, mēģiniet vēlreiz.',
    refused: '{{provider}} neapstiprināja jūsu pieteikšanos. Lūdzu, mēģiniet vēlreiz.',
    unavailable:
      'Nevar sasniegt {{provider}}. Pēc brīža mēģiniet vēlreiz vai vērsieties pie administratora.',
    state: 'Atbilde pārlūkā neattiecas uz šo pieteikšanos. Lūdzu, mēģiniet vēlreiz.',
    timeout: 'Pieteikšanās pārlūkā ilga pārāk ilgi. Lūdzu, mēģiniet vēlreiz.',
    browser: 'Tīmekļa pārlūks neatvērās. Lūdzu, mēģiniet vēlreiz.',
    code: 'Pieteikšanās koda derīgums ir beidzies, vai tas jau izmantots. Lūdzu, mēģiniet vēlreiz.',
    insecure: 'Vienotajai pieteikšanās sistēmai vajag drošu (https) savienojumu ar serveri.',
  },
};
