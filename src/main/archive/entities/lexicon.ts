/** Word lists the rules read: titles that make a role, words that make an organisation. */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Titles and honorifics written before a person's name; they become the mention's role. */
export const TITLES = words(`
  Mr. Mrs. Ms. Miss Dr. Prof. Professor Sir Dame Rev. Reverend Hon. Honorable
  Sen. Sens. Senator Senators Rep. Reps. Representative Representatives Congressman Congresswoman
  Gov. Governor Lt. Lieutenant Mayor President Vice Chairman Chairwoman Chair Chief Deputy
  Director Administrator Secretary Commissioner Judge Justice Attorney General Sheriff Officer
  Detective Sergeant Sgt. Captain Capt. Col. Colonel Gen. Major Commander Adm. Admiral
  Leader Whip Majority Minority Ranking Speaker Ambassador Prosecutor Superintendent Inspector
  CEO CFO COO Executive Manager Spokesman Spokeswoman Spokesperson Former former Acting Interim
  Senior Assistant Associate Associate Trustee Dean Pope King Queen Prince Princess
  Interior Treasury Transportation Defense Energy Agriculture Commerce Labor Education State
`);

/** Of the titles, those that can only introduce a person (the rest also occur inside names). */
export const PERSON_TITLES = words(`
  Mr. Mrs. Ms. Miss Dr. Prof. Professor Sir Dame Rev. Reverend Hon. Honorable
  Sen. Sens. Senator Senators Rep. Reps. Representative Representatives Congressman Congresswoman
  Gov. Governor Lt. Mayor President Chairman Chairwoman Chief Deputy Director Administrator Secretary
  Commissioner Judge Sheriff Detective Sergeant Sgt. Captain Capt. Col. Colonel Gen. Adm. Admiral
  Leader Whip Speaker Ambassador Prosecutor Superintendent Inspector CEO CFO COO Spokesman
  Spokeswoman Spokesperson Dean Pope Attorney Justice
`);

/** Words that end (or head) an organisation's name. */
export const ORG_HEADS = words(`
  Department Dept. Agency Administration Committee Subcommittee Commission Council Bureau Office
  Service Services Division Unit Directorate Authority Board Court Congress Senate House Assembly
  Legislature Parliament Ministry Institute Institution Foundation Association Society Federation
  Union League Coalition Alliance Party Conference Caucus Corporation Corp. Company Co. Inc. Inc
  LLC Ltd. Ltd LLP Group Holdings Bank University College School Academy Hospital Clinic Center
  Centre Library Museum Laboratory Laboratories Police Patrol Guard Force Army Navy Corps Nation
  Tribe Chapter Network Times Post Ledger Journal Tribune Herald Review Gazette News Press
  Commission Survey System Trust Fund Railroad Railway Airlines Technologies Systems Industries
  Partners Associates Station Base Reserve Community
`);

/** Heads that make an organisation only when the run has another capitalised word before them. */
export const WEAK_HEADS = words(`Community Fund Reserve Station Base Trust Times Post News Press`);

/** Capitalised small words of a headline ("… Funds For Catlettsburg Fire Department"): a name ends there. */
export const HEADLINE_BREAKS = words(
  `From In On To By With For At Of And Or But If As Is Are Was Be Over Into About After Before`,
);

/** Words never in a person's name ("Justice Assistance Grants"). */
export const NOT_IN_PERSON = words(
  `Grant Grants Act Program Programs Fund Funds Day Legislation Bill Flag Project Plan Initiative`,
);

/** Company endings dropped when names are compared ("Visage Index, Inc." = "Visage Index"). */
export const CORPORATE_SUFFIXES = words(`Inc. Inc LLC Ltd. Ltd Corp. Corp Co. LLP PLC`);

/** Small words allowed inside a name ("Department of Justice", "Health and Human Services"). */
export const CONNECTORS = words(`of and for on the de la del van von der da du`);

/** Capitalised words that never start or end a name on their own. */
export const NOT_NAMES = words(`
  The A An This That These Those It Its I We Our Us You Your He His She Her They Their Them
  In On At For From To By With Of And Or But If As When While After Before Since Until Under
  Today Tonight Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  January February March April May June July August September October November December
  Dear Sincerely Thank Thanks Please Contact Media Page Subject Re Fw Fwd cc CC Cc TO FROM DATE
  Effective Nothing None Every Each Several Some Many Most All Both Also However Although
  Americans Republican Republicans Democrat Democrats Democratic
  Act Bill Amendment Resolution Constitution Day Week Year Fiscal FY Press Release Releases News
  U.S. US U.S UN Mr Ms Mrs Dr Jr. Jr Sr. Sr II III
`);

/** Words after a name that say a person spoke or acted ("… Whitcombe wrote"). */
export const SPEECH_VERBS = words(`said says wrote stated added noted announced told asked explained urged called`);
