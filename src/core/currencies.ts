/**
 * ISO 4217 currencies in use, with their minor units (the number of decimals
 * of the minor unit), written by hand from the standard's list one (SIX, the
 * maintenance agency). Included: every active code with a numeric minor unit,
 * fund codes too (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW). Left out:
 * codes without minor units (XAU, XAG, XPD, XPT, XBA–XBD, XDR, XSU, XUA),
 * the testing and "no currency" codes (XTS, XXX) and withdrawn codes
 * (e.g. HRK, ANG, SLL, ZWL, CUC, VEF, MRO, STD, LTL, LVL).
 *
 * Minor units: 0 — BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF;
 * 3 — BHD IQD JOD KWD LYD OMR TND; 4 — CLF UYW; 2 — every other code listed below.
 */
const BY_EXPONENT: Record<number, string> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  2:
    'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
    'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
    'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD ' +
    'PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC ' +
    'SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
};

/** Minor units by code; a null-prototype map, so `constructor` or `__proto__` is no code. */
const MINOR_UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries(BY_EXPONENT).flatMap(([exponent, codes]) => codes.split(' ').map((code) => [code, Number(exponent)] as const)),
);

/** True for an active ISO 4217 code, written in capitals (`USD`, not `usd`). */
export function isCurrencyCode(code: string): boolean {
  return MINOR_UNITS.has(code);
}

/** Decimals of the currency's minor unit; 2 for a code we do not know (validated input never has one). */
export function currencyExponent(currency: string): number {
  return MINOR_UNITS.get(currency.toUpperCase()) ?? 2;
}
