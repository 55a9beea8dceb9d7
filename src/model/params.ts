/**
 * The parameter schema: the one source of truth for every model parameter.
 * Each leaf declares its default, unit, range and provenance. Validation, `clwsim params`,
 * docs/parameters.md, `--set` and sweep factors are all derived from this tree.
 * Provenance: "Allbutt L<n>" is a line of ../shared/source (the paper); "Evidence §x" is a row of
 * ../shared/evidence/parameters.md; "Assumption:" gives the reasoning.
 */
import type { MatrixRow } from './matrix.js';

/** Weeks in a model year: one tick is a week, and per-year parameters become weekly rates by this. */
export const WEEKS_PER_YEAR = 52;

export const TSO_TYPES = ['crisis', 'mh', 'activity', 'specialist'] as const;
export type TsoType = (typeof TSO_TYPES)[number];
export const TSO_TYPE_LABELS: Record<TsoType, string> = {
  crisis: 'crisis (debt, food, housing)',
  mh: 'mental health',
  activity: 'community activity (arts, gardening, exercise, groups)',
  specialist: 'specialist (counselling, trauma, long-term conditions)',
};

export interface NumSpec {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  integer?: boolean;
  unit: string;
  description: string;
  source: string;
  rows?: MatrixRow[];
}
export interface EnumSpec {
  kind: 'enum';
  default: string;
  values: readonly string[];
  unit: string;
  description: string;
  source: string;
  rows?: MatrixRow[];
}
export type LeafSpec = NumSpec | EnumSpec;
export interface SpecTree { [key: string]: LeafSpec | SpecTree }

type Meta = { unit: string; description: string; source: string; rows?: MatrixRow[]; integer?: boolean };
const num = (def: number, min: number, max: number, meta: Meta): NumSpec => ({ kind: 'number', default: def, min, max, ...meta });
const int = (def: number, min: number, max: number, meta: Omit<Meta, 'integer'>): NumSpec => num(def, min, max, { ...meta, integer: true });
const oneOf = (def: string, values: readonly string[], meta: Meta): EnumSpec => ({ kind: 'enum', default: def, values, ...meta });
/** One numeric leaf per TSO type, sharing unit/range/source; defaults given per type. */
const perType = (defs: Record<TsoType, number>, min: number, max: number, meta: Meta, integer = false) => {
  const out = {} as Record<TsoType, NumSpec>;
  for (const t of TSO_TYPES) out[t] = num(defs[t], min, max, { ...meta, integer, description: `${meta.description} (${TSO_TYPE_LABELS[t]})` });
  return out;
};

export const PARAM_SPEC = {
  demand: {
    referralsPerClwWeek: num(2.2, 0, 50, { unit: 'referrals/CLW/week', rows: ['C8'], description: 'Mean new GP referrals to each CLW per week (Poisson); GP re-referrals come on top', source: 'Evidence §1a: Edinburgh 19,220 referrals / 24 CLWs / 6 years ≈ 133 per CLW-year ≈ 2.56/week [I], of which ~15% re-referrals in the model: an input set from this figure, not a calibration target (referrals per CLW-year would only restate it)' }),
    level: num(1, 0, 10, { unit: 'multiplier', rows: ['C1'], description: 'Demand level: multiplies the referral rate (post-COVID surges are scheduled changes of this)', source: 'Lever. Allbutt L205: needs "greater and more complex since COVID-19"' }),
    needShare: perType({ crisis: 0.3, mh: 0.3, activity: 0.3, specialist: 0.1 }, 0, 1, { unit: 'share', rows: ['C1'], description: 'Share of clients whose main need is of this kind (normalised to sum 1)' , source: 'Assumption: the paper names crisis, mental-health, activity and specialist provision (Allbutt L113, Table 1) without shares; equal main shares, smaller specialist' }),
    clwOnlyShare: num(0.2, 0, 1, { unit: 'share', rows: ['U1', 'F1'], description: 'Share of clients whose needs the CLW\'s own sessions and signposting can meet, with no TSO programme (over-referral sends them on anyway)', source: 'Assumption: CLWs "offer valuable preparatory support" (Allbutt L157); some clients "needed simple navigation" (Allbutt L171)' }),
    complexShare: num(0.4, 0, 1, { unit: 'share', rows: ['F2'], description: 'Share of clients with complex needs who need handholding into a service', source: 'Assumption: "many others required much more in-depth support in their transition" (Allbutt L171)' }),
    readinessMin: num(0.1, 0, 1, { unit: '0..1', rows: ['F1'], description: 'Lowest readiness/motivation of a new client (uniform between min and max)', source: 'Assumption: chosen so 4-6 sessions reach the referral threshold (Allbutt L85)' }),
    readinessMax: num(0.5, 0, 1, { unit: '0..1', rows: ['F1'], description: 'Highest readiness/motivation of a new client', source: 'Assumption: see readinessMin' }),
    wellbeingInitialMean: num(0.35, 0, 1, { unit: '0..1 (WEMWBS rescaled)', rows: ['C8'], description: 'Mean wellbeing of a new client (uniform ± wellbeingInitialSpread)', source: 'Assumption: referred clients start below the population mean (0.5 on this scale)' }),
    wellbeingInitialSpread: num(0.1, 0, 0.5, { unit: '0..1 (WEMWBS rescaled)', rows: ['C8'], description: 'Half-width of the uniform spread of a new client\'s wellbeing around wellbeingInitialMean', source: 'Assumption: referred clients differ, within a band below the population mean' }),
    rereferralProb: num(0.3, 0, 1, { unit: 'probability', rows: ['C1'], description: 'Chance that a client who leaves with need unmet is re-referred by their GP (scaled by their GP visit rate)', source: 'Assumption: demand feedback in the brief ("GP visits raise re-referral"); no source figure' }),
    rereferralDelayWeeks: num(12, 1, 104, { unit: 'weeks', description: 'Mean delay before a re-referral (geometric, capped at the observation window)', source: 'Assumption' }),
  },
  clw: {
    count: int(25, 1, 20000, { unit: 'CLWs', rows: ['C8'], description: 'Number of community link workers (one caseload each)', source: 'Allbutt L85: 25 CLWs in the Edinburgh early-adopter programme' }),
    caseloadCap: num(25, 1, 1000, { unit: 'clients', rows: ['C3'], description: 'Caseload a CLW can carry at once before pressure exceeds 1', source: 'Evidence §1a: ~133-250 people per CLW-year, held ~10-15 weeks each ⇒ ~30-50 at once [I]' }),
    holdWeight: num(0.5, 0, 1, { unit: 'caseload units', rows: ['C3'], description: 'Caseload weight of a client the CLW still holds while they wait at a TSO', source: 'Assumption: held clients need contact but less than active ones' }),
    teamSize: int(3, 1, 100, { unit: 'CLWs', rows: ['C3'], description: 'CLWs who share their referrals (CLWs 1-3, 4-6, ... form a team): after seeing its own list, a CLW with room takes the oldest referral waiting for a teammate. 1: every CLW has only its own list', source: 'Evidence §1a: the Edinburgh network, 24 CLWs in 45 practices employed by 9 community organisations, ≈ 2.7 CLWs per employer [I]; in England link workers serve the practices of a primary care network together. Assumption: a team covers for a colleague whose list is full' }),
    firstSessionLeadWeeks: int(1, 0, 12, { unit: 'weeks', rows: ['C3'], description: 'Weeks from a GP referral to the earliest first CLW session: the CLW contacts the person and books the appointment (0: seen in the week of the referral)', source: 'Assumption: a referral made during a week is booked for a later week; no source gives the delay' }),
    firstSessionAttendP0: num(0.92, 0, 1, { unit: 'probability', rows: ['F1', 'F2'], description: 'Chance a person comes to the first CLW session they are offered (those who waited long have also had the chance to give up: waiting.ts)', source: 'Evidence §1b: 76-81% of people referred take up social prescribing (Ways to Wellness; Gloucestershire); with declineProb leaving between sessions, 0.785 / 0.85 ≈ 0.92 come to the first [I]; "it takes a hell of a lot of courage to come along to the unknown" (Allbutt L175)' }),
    pressureKnee: num(0.5, 0, 2, { unit: 'pressure', rows: ['C3'], description: 'Pressure (caseload ÷ effective cap) above which handholding, follow-up and careful referral start to suffer', source: 'Assumption' }),
    sessionGain: num(0.07, 0.01, 1, { unit: 'readiness/session', rows: ['F1', 'F6'], description: 'Readiness gained per CLW session at expertise 0.5 (scales with 0.5 + expertise)', source: 'Assumption: with readinessThreshold, gives 4-6 sessions (Allbutt L85)' }),
    readinessThreshold: num(0.7, 0, 1, { unit: '0..1', rows: ['F1'], description: 'Readiness at which a targeted CLW refers on', source: 'Assumption: "mentally in right place for services" (Table 2)' }),
    maxSessions: int(12, 1, 52, { unit: 'sessions', rows: ['F6'], description: 'Most sessions before a CLW refers on regardless of readiness', source: 'Evidence §1a: 6-12 contacts per person (NHSE guidance)' }),
    expertiseMean: num(0.35, 0, 1, { unit: '0..1', rows: ['F5', 'C2'], description: 'Mean expertise of a CLW when hired (skills brought from community or health work, before knowing local provision); on-the-job experience raises it and stale knowledge lowers it, so the workforce settles where learning, forgetting and turnover balance (the initial workforce is drawn from that balance). Changed during a run, it shifts every serving CLW\'s expertise by the same amount and applies to later hires (training)', source: 'Assumption: Edinburgh CLWs are employed by community groups (Allbutt L85) and some "used to work here. So she knows intimately what we do" (Allbutt L167); below the experienced level, which takes "some years" (Allbutt L169)' }),
    expertiseSd: num(0.15, 0, 0.5, { unit: '0..1', rows: ['C2'], description: 'Spread of expertise between CLWs when hired (normal, clamped to expertiseFloor..expertiseCeiling)', source: 'Assumption: "varying levels of link worker experience" (Allbutt L165)' }),
    expertiseFloor: num(0.05, 0, 1, { unit: '0..1', rows: ['C2', 'F5'], description: 'Lowest expertise a hire\'s draw or a change of expertiseMean during a run (training) gives a CLW', source: 'Assumption: no serving CLW matches needs to services at random' }),
    expertiseCeiling: num(0.95, 0, 1, { unit: '0..1', rows: ['C2', 'F5'], description: 'Highest expertise a hire\'s draw or a change of expertiseMean gives a CLW (learning on the job may go above)', source: 'Assumption: no CLW starts out matching every client perfectly' }),
    matchAccuracyBase: num(0.5, 0, 1, { unit: 'probability', rows: ['F5'], description: 'Chance an expertise-0 CLW identifies the right kind of service (rises linearly to 1 at expertise 1)', source: 'Assumption' }),
    knownTsos: int(6, 1, 32, { unit: 'TSOs', rows: ['F4', 'U2'], description: 'TSOs a CLW knows at the start (favourites first)', source: 'Assumption: CLWs "relied too heavily on familiar TSO provision" (Allbutt L197)' }),
    noviceKnownTsos: int(3, 1, 32, { unit: 'TSOs', rows: ['U2'], description: 'TSOs a new CLW knows', source: 'Assumption' }),
    exploreProb: num(0.15, 0, 1, { unit: 'probability', rows: ['F4', 'U2'], description: 'Chance a CLW who knows no open service of the kind needed finds a new one (else falls back on a familiar service of another kind)', source: 'Assumption: CLWs "relied too heavily on familiar TSO provision to expedite client referral rather than exploring the full range of options" (Allbutt L197)' }),
    learningRate: num(0.002, 0, 0.2, { unit: 'expertise per client outcome', rows: ['F5', 'C2'], description: 'Expertise a CLW gains from each client episode it sees through, whatever the outcome (times 1 − expertise): experience, not only successes, teaches what suits whom', source: 'Assumption: "greater experience improving referral quality" (Allbutt L165); at ~135 outcomes per CLW-year this is ≈0.27/yr, which with forgettingPerYear gives a learning time constant of ~2.7 years ("they have been around for some years. They know what they are doing", Allbutt L169)' }),
    forgettingPerYear: num(0.1, 0, 2, { unit: 'share of expertise/year', rows: ['C2', 'C6'], description: 'Share of a CLW\'s expertise that goes stale each year as local provision changes; each known service is forgotten at the same rate (least familiar first)', source: 'Assumption: "Frequent closures and changes in available community activities ... make it more difficult for link workers to keep their knowledge up to date" (Allbutt L319); Evidence §1e: ≈4.5%/yr of Scottish charities leave the register [I], plus changes of programme within organisations' }),
    turnoverPerYear: num(0.2, 0, 1, { unit: 'share/year', rows: ['C2'], description: 'Annual CLW turnover; a leaver is replaced by a new hire (expertise drawn around expertiseMean; noviceKnownTsos known)', source: 'Evidence §4: 15-30%/yr [A], anchored on 29% considering resigning (NALW 2020)' }),
    handholdingPerWeek: num(2, 0, 40, { unit: 'accompaniments/CLW/week', rows: ['F2'], description: 'Most clients a CLW can accompany to a first session each week', source: 'Assumption: "It used to be more common for them to maybe take people along to groups" (Allbutt L179)' }),
    handholdingPressureSlope: num(3, 0, 10, { unit: 'per unit pressure', rows: ['C3', 'F2'], description: 'How fast the propensity to accompany a complex client (1 below the knee) falls per unit of pressure above the knee', source: 'Assumption: "due to the pressures, they just do not have the capacity" (Allbutt L179)' }),
    followUpPropensity: num(0.6, 0, 1, { unit: 'probability', rows: ['U3', 'F3'], description: 'Chance a CLW follows a referral up with the TSO, before pressure', source: 'Assumption: "some link workers have got to follow up, but very few do" (Allbutt L199)' }),
    followUpPressureSlope: num(1.5, 0, 10, { unit: 'per unit pressure', rows: ['C3', 'U3'], description: 'How fast follow-up falls with pressure above the knee', source: 'Assumption: "so intent in getting the referral out of their inboxes" (Allbutt L199)' }),
    managementOverhead: num(0.1, 0, 0.9, { unit: 'share of time', rows: ['U7', 'C5'], description: 'Share of CLW capacity lost to matrix management ("three bosses"); lowers the effective caseload cap', source: 'Assumption: "the link worker ends up with three bosses in effect" (Allbutt L263)' }),
    tsoEmployedShare: num(1, 0, 1, { unit: 'share', rows: ['F7'], description: 'Share of CLWs employed by a TSO (embedded: know more provision)', source: 'Allbutt L85: Edinburgh CLWs "employed by different community groups"' }),
    employedKnowledgeBonus: int(4, 0, 16, { unit: 'TSOs', rows: ['F7'], description: 'Extra TSOs known by a TSO-employed CLW', source: 'Assumption: employment by TSOs "helped to embed link workers securely in local communities" (Allbutt L261)' }),
    employedExploreBoost: num(2, 1, 10, { unit: 'multiplier', rows: ['F7'], description: 'How much more often a TSO-employed CLW finds a service it did not know (times exploreProb)', source: 'Assumption: embedded CLWs "know where the groups are" (Allbutt L169)' }),
    declineProb: num(0.15, 0, 1, { unit: 'probability', rows: ['F6'], description: 'Chance a client stops coming to the CLW, before being referred on, over a course of declineRefSessions sessions: a chance per gap between sessions, so longer courses lose more and a one-session referral loses none', source: 'Evidence §1b: 22% (2019) → 12% (2023) decline SP (Bu et al. 2025); "people coming along for one session and not coming back ... if they miss a few, as well, feel like they cannot come back" (Allbutt L175)' }),
    declineRefSessions: int(5, 1, 52, { unit: 'sessions', rows: ['F6'], description: 'Course length over which declineProb of clients stop coming (the per-gap chance is 1 − (1 − declineProb)^(1/(this − 1)))', source: 'Allbutt L85: CLWs "expected to work with individuals for four to six sessions prior to referral"' }),
    resolveSessionsMax: int(4, 1, 52, { unit: 'sessions', rows: ['F1'], description: 'Most sessions a client whose needs the CLW can meet takes before leaving resolved (uniform from 1 to this)', source: 'Assumption: some clients "needed simple navigation" (Allbutt L171), a few contacts' }),
    fitChoiceMax: int(8, 1, 32, { unit: 'TSOs', rows: ['F4'], description: 'Most known services of the right kind a CLW weighs when fitting a placement to the person: the personal fit is the best of min(known, this) uniform draws', source: 'Assumption: a CLW weighs a handful of options, not every service it has heard of' }),
    retryWeeks: int(2, 1, 52, { unit: 'weeks', description: 'Weeks before a CLW tries again for a client for whom it found no open service to refer to', source: 'Assumption: the CLW asks around before the next session' }),
    maxRetries: int(3, 0, 20, { unit: 'attempts', description: 'Failed attempts to refer a client (no service found, or every referral turned back) that are retried; the next failure ends the episode as no service found', source: 'Assumption' }),
  },
  practice: {
    overReferral: num(0.1, 0, 1, { unit: 'probability', rows: ['U1'], description: 'Chance a referral is made after one session, before readiness, even for a client who would have declined', source: 'Assumption: "Some TSOs reported over-referral and/or under-referral" (Allbutt L189)' }),
    scatterShare: num(0.13, 0, 1, { unit: 'probability', rows: ['U4'], description: 'Base chance a CLW refers a client to several services at once (scattergun)', source: 'Assumption: TSOs reported some CLWs tried to "game the system" by referring to several services at once (Allbutt L193)' }),
    scatterK: int(3, 2, 4, { unit: 'services', rows: ['U4'], description: 'Services referred to at once under scattergun', source: 'Evidence §4: k = 2-3' }),
    gamingSensitivity: num(0.15, 0, 5, { unit: 'probability per ref. wait', rows: ['U4'], description: 'Added scattergun chance per reference wait (gamingWaitWeeks) by which the best quoted wait exceeds it', source: 'Assumption: scattergun "because of the waiting list" (Allbutt L195)' }),
    gamingWaitWeeks: num(6, 1, 52, { unit: 'weeks', rows: ['U4'], description: 'Quoted wait above which CLWs start gaming with multiple referrals', source: 'Assumption: crisis waits "up to one month" are tolerated (Allbutt L191)' }),
    waitQuoteWeeks: num(8, 1, 104, { unit: 'weeks', rows: ['U4'], description: 'Memory of the wait a TSO quotes to CLWs: an exponential average, over about this many weeks, of what its recent starters waited (CLWs choose and game on this wait)', source: 'Assumption: TSOs quote their current wait as a time ("That waiting list at this moment is up to one month", Allbutt L191), which CLWs hear within a month or two' }),
    pressureScatter: num(0.3, 0, 5, { unit: 'probability per unit pressure', rows: ['U4', 'C3'], description: 'Added scattergun chance per unit of pressure above the knee', source: 'Assumption' }),
    doubleUpProb: num(0.3, 0, 1, { unit: 'probability', rows: ['U4'], description: 'Chance a client already placed elsewhere also takes up a later scattergun offer for a while', source: 'Assumption: "we can be like buses ... suddenly all of the support is happening at once, which can then make certain support just either redundant" (Allbutt L195)' }),
    doubleUpWeeks: int(3, 1, 52, { unit: 'weeks', rows: ['U4'], description: 'Weeks a redundant second place stays taken before the client drops it', source: 'Assumption' }),
    kpiRegime: oneOf('referrals', ['referrals', 'outcomes'], { unit: '', rows: ['U5', 'C4'], description: 'What CLWs are monitored on: referral counts push faster referral; outcomes do not', source: 'Allbutt L231: "the link worker network really being focused on referrals"' }),
    kpiOverReferral: num(0.05, 0, 1, { unit: 'probability', rows: ['U5'], description: 'Added over-referral under a referral-count KPI regime', source: 'Assumption' }),
  },
  tso: {
    count: perType({ crisis: 12, mh: 8, activity: 24, specialist: 8 }, 0, 16000, { unit: 'TSOs', rows: ['F8'], description: 'Number of TSOs (at most 16,000 of a type, 65,534 in all: the engine keeps TSO ids in 16 bits)', source: 'Evidence §1e: 64 organisations funded by the Edinburgh IJB; split assumed' }, true),
    fundingPerYear: perType({ crisis: 70000, mh: 70000, activity: 20000, specialist: 60000 }, 0, 1e8, { unit: '£/TSO/year', rows: ['F8'], description: 'Grant funding per TSO for work with CLW-referred clients', source: 'Evidence §1d: EIJB £4.5m across 64 organisations ≈ £70k mean grant [I]; Murrayfield Dementia Project £54k' }),
    costPerPlaceYear: perType({ crisis: 14000, mh: 7000, activity: 3000, specialist: 8000 }, 1, 1e6, { unit: '£/place/year', rows: ['F8'], description: 'Cost of one concurrent place for a year', source: 'Evidence §4: £80-£3,000 per person-year [I/A]; per concurrent place ≈ per-person cost × throughput; set so the baseline crisis wait is about a month (Allbutt L191)' }),
    programmeWeeks: perType({ crisis: 4, mh: 12, activity: 10, specialist: 8 }, 1, 104, { unit: 'weeks', description: 'Length of a programme at the TSO', source: 'Assumption: crisis help is short; group and therapy programmes run a term' }, true),
    initialWaitWeeks: perType({ crisis: 2, mh: 9, activity: 1, specialist: 1 }, 0, 52, { unit: 'weeks', rows: ['C1', 'F8'], description: 'Wait at the TSO when a run starts: the world starts as a running programme, with places taken and a waiting list whose head has waited this many weeks (0: empty)', source: 'A crisis TSO: "That waiting list at this moment is up to one month" (Allbutt L191); Evidence §1b/§4: mental-health waits 8-18+ weeks (14: where the baseline\'s MH starters\' wait settles, so a run starts near its equilibrium); Assumption for the others, as "Only occasionally did TSOs place restrictions on entry or set up waiting list systems" (Allbutt L189)' }, true),
    coreCostShare: num(0.6, 0, 1, { unit: 'share of initial funding', rows: ['U8', 'C6'], description: 'Mean share of its initial funding a TSO needs to cover core costs (varies by ± coreCostSpread between TSOs); below it, it burns reserves and closes when they run out', source: 'Evidence §4: close when funding < core cost beyond reserves [A]' }),
    coreCostSpread: num(0.5, 0, 1, { unit: 'share', rows: ['C6'], description: 'Spread of core costs between TSOs: each needs coreCostShare × uniform(1 − spread, 1 + spread) of its funding, at most all of it', source: 'Assumption: some organisations depend on the grant entirely' }),
    fundingSpread: num(0.5, 0, 1, { unit: 'share', rows: ['F8'], description: 'Spread of grants between TSOs of a type: each gets fundingPerYear × uniform(1 − spread, 1 + spread)', source: 'Assumption: organisations of a type differ in size' }),
    reserveWeeksMax: num(26, 0, 520, { unit: 'weeks', rows: ['C6'], description: 'Reserves of a TSO, uniform between 0 and this', source: 'Evidence §4: reserves 0-6 months (uniform) [A]' }),
    refuseMismatchProb: num(0.4, 0, 1, { unit: 'probability', rows: ['U1'], description: 'Chance a TSO at trust 0.5 turns back a referral outside its remit; in general refuseMismatchProb × (refuseTrustOffset − trust), so it rises as trust falls', source: 'Assumption' }),
    refuseTrustOffset: num(1.5, 1, 3, { unit: 'trust', rows: ['U1', 'F3'], description: 'How trust scales refusals: the chance is refuseMismatchProb × (this − trust); at 1.5 a fully trusting TSO refuses half as often as one at trust 0.5', source: 'Assumption: trusting TSOs give CLW referrals the benefit of the doubt' }),
    dupCostPlaces: num(0.15, 0, 5, { unit: 'place-weeks', rows: ['U4'], description: 'Staff time a TSO loses trying to contact a client already placed elsewhere', source: 'Evidence §4: 0.5-1 h per duplicate referral [A]; "multiple attempts from myself to follow up and initiate contact and make appointments, which does not follow through" (Allbutt L201)' }),
    trustCapacityFlex: num(0.2, 0, 1, { unit: 'share of places', rows: ['F3'], description: 'Extra places a trusting TSO makes for CLW clients (places × (1 + flex × trust))', source: 'Assumption: "TSOs made great effort to accommodate clients" (Allbutt L189)' }),
    closeWaitWeeks: num(18, 1, 260, { unit: 'weeks', rows: ['U1', 'U4', 'U8'], description: 'A TSO closes its list to routine referrals while it forecasts a new referral would wait longer than this (its list ÷ the places it has been offering a week)', source: 'Evidence §1b: psychological therapies in Scotland should start within 18 weeks for 90% of people, the standard a service holds itself to [A]; "Only occasionally did TSOs place restrictions on entry or set up waiting list systems" (Allbutt L189)' }),
    reopenWaitWeeks: num(12, 0, 260, { unit: 'weeks', rows: ['U1', 'U4', 'U8'], description: 'A closed list opens again when the forecast wait falls below this (below closeWaitWeeks, so a list does not flicker open and shut)', source: 'Assumption: two thirds of closeWaitWeeks' }),
    signpostProb: num(0.5, 0, 1, { unit: 'probability', rows: ['F3', 'U1'], description: 'Chance a TSO whose list is closed passes a routine referral on to another open service of the same kind whose list is open (else it goes back to the CLW)', source: 'Assumption: TSOs signpost ("where else they have been signposted into", Allbutt L195); no figure' }),
    emergencyShare: num(0.1, 0, 1, { unit: 'share of places', rows: ['U1'], description: 'Places a TSO keeps above its places for emergency referrals (at least one while it has any places); a closed list still takes emergencies', source: 'Allbutt L191: "we always do keep a little capacity...each practitioner is actually able to take maybe one more referral in case of an emergency"; one more per practitioner carrying about ten [A]' }),
    emergencyWellbeing: num(0.25, 0, 1, { unit: '0..1', rows: ['U1', 'U8'], description: 'A referral is an emergency when the client\'s wellbeing is below this: below where any new referral starts (wellbeingInitialMean − wellbeingInitialSpread), so someone whose earlier attempts failed', source: 'Assumption: cuts force "people ... into a crisis situation" (Allbutt L277); no figure' }),
  },
  funding: {
    multiplier: perType({ crisis: 1, mh: 1, activity: 1, specialist: 1 }, 0, 5, { unit: 'multiplier', rows: ['U8', 'F8'], description: 'Funding relative to the initial grant (a 30% cut is 0.7)', source: 'Lever. Evidence §1e: the 2024-25 EIJB proposal cut 100% for recipients; later restored' }),
    cutTrustShock: num(0.3, 0, 1, { unit: 'trust per unit cut', rows: ['U6', 'U8'], description: 'Trust a TSO loses, per unit of cut, when its funding is cut (an inequitable partnership)', source: 'Assumption: "the effect of cutting core funds exposed the lack of real partnership working" (Allbutt L275)' }),
  },
  engagement: {
    baseDropHazard: num(0.027, 0, 1, { unit: 'per week', description: 'Weekly drop-out hazard of an engaged client with no risk factors', source: 'Evidence §1b/§4: completion ≈ 50% of starters (ERS adherence 43-49%)' }),
    mismatchLogHR: num(1.5, 0, 5, { unit: 'log HR per unit of misfit', rows: ['F5', 'F4', 'U1'], description: 'Drop-out log hazard ratio per unit of (1 − match quality); a service of the wrong kind fits about 0.2, the best of several of the right kind about 0.9', source: 'Assumption: "less effective client placements" (Table 2)' }),
    waitLogHR: num(0.02, 0, 1, { unit: 'log HR per week waited', description: 'Drop-out log hazard ratio per week waited before starting', source: 'Assumption, after Evidence §1b: each week of wait lowers attendance odds ×0.95' }),
    confusionLogHR: num(0.6, 0, 5, { unit: 'log hazard ratio', rows: ['U4'], description: 'Drop-out log hazard ratio for a client referred to several services at once', source: 'Assumption: "Client confusion if too many services" (Allbutt L303, Table 2)' }),
    unreadyLogHR: num(1.5, 0, 5, { unit: 'log HR at readiness 0', rows: ['U1', 'F1'], description: 'Drop-out log hazard ratio times (1 − readiness at referral)', source: 'Assumption: clients "mentally in right place for services" stay (Table 2)' }),
    complexAloneLogHR: num(0.8, 0, 5, { unit: 'log hazard ratio', rows: ['F2'], description: 'Drop-out log hazard ratio for a complex client who was not accompanied', source: 'Assumption: handholding made engagement "considerably more likely" (Allbutt L171); Evidence §1b: no UK effect size' }),
    complexAloneNoShowLogOdds: num(0.7, 0, 5, { unit: 'log odds', rows: ['F2'], description: 'Fall in the log-odds of coming to the first session for a complex client who comes alone', source: 'Assumption: "it takes a hell of a lot of courage to come along to the unknown" (Allbutt L175); Evidence §1b: warm hand-off OR 0.96 (US, null): kept small' }),
    followUpLogHR: num(-0.4, -5, 0, { unit: 'log hazard ratio', rows: ['U3', 'F3'], description: 'Drop-out log hazard ratio when the CLW followed the referral up', source: 'Assumption' }),
    trustLogHR: num(-1.0, -5, 0, { unit: 'log HR per unit trust', rows: ['F3'], description: 'Drop-out log hazard ratio per unit of TSO trust above 0.5 (joint working)', source: 'Assumption: "increased client confidence in CLW and TSO services" (Table 2)' }),
    wellbeingGain: num(0.25, 0, 1, { unit: 'share of gap to 1', description: 'Wellbeing gained on completion, times match quality', source: 'Assumption: "increased client health and wellbeing" (Table 2)' }),
    dropWellbeingLoss: num(0.03, 0, 1, { unit: '0..1', description: 'Wellbeing lost on dropping out or giving up', source: 'Assumption: "adverse impacts on health and wellbeing" (Table 2)' }),
    mismatchFit: num(0.3, 0, 1, { unit: 'match quality', rows: ['F5'], description: 'Match quality of a service of the wrong kind relative to the right kind (times the personal fit, personalFitMin to 1)', source: 'Assumption' }),
    personalFitMin: num(0.5, 0, 1, { unit: 'match quality', rows: ['F4', 'F5'], description: 'Personal fit of the worst-fitting service of the right kind: a placement\'s personal fit runs from this to 1', source: 'Assumption: any service of the right kind meets at least part of what the person needs' }),
    clwOnlyProgrammeFit: num(0.5, 0, 1, { unit: 'multiplier', rows: ['U1'], description: 'Match quality multiplier of a TSO programme for a client whose needs the CLW\'s own sessions could have met (over-referred)', source: 'Assumption: such a client gets less from a programme built for greater need' }),
    resolvedFit: num(0.5, 0, 1, { unit: 'match quality', rows: ['F1'], description: 'Match quality credited to a client whose needs the CLW\'s own sessions met: it scales their wellbeing gain (× wellbeingGain) and their later fall in GP use (× gp.metReduction), as for a completed programme', source: 'Assumption: CLWs "offer valuable preparatory support" (Allbutt L157), but navigation alone helps less than a well-matched programme' }),
  },
  waiting: {
    attendP0: num(0.8, 0.01, 0.99, { unit: 'probability', description: 'Chance of coming to a first session offered with no wait; after w weeks on the list it is logistic(logit p₀ − b·w)', source: 'Evidence §1b: uptake 81% (Gloucestershire; ERS RCTs)' }),
    waitLogitSlope: num(0.051, 0, 1, { unit: 'logit per week', description: 'Fall in the log-odds of still waiting per week waited', source: 'Evidence §1b: OR 0.95 per week of wait (Psychol Serv 2023) ⇒ ln 0.95 ≈ −0.051' }),
    giveUpCapWeeks: int(30, 1, 260, { unit: 'weeks', description: 'Nobody waits longer than this', source: 'Evidence §1b: families give up beyond ~30 weeks (Foreman & Hanna 2000)' }),
  },
  gp: {
    baseRatePerYear: num(8, 0, 60, { unit: 'consultations/person/year', description: 'GP consultation rate of a referred client while need is unmet', source: 'Evidence §1c: SP-referred patients 8.6-10.0/yr (Carnes et al. 2017)' }),
    waitingMultiplier: num(1.1, 0, 5, { unit: 'multiplier', rows: ['U8'], description: 'GP rate multiplier while waiting for a TSO or after leaving with need unmet', source: 'Assumption: unmet need raises GP use (Allbutt L277: "make higher demands on the services")' }),
    engagedReduction: num(0.1, 0, 1, { unit: 'share', description: 'Fall in GP rate while engaged at a TSO', source: 'Evidence §1c: −10% central [A]' }),
    metReduction: num(0.28, 0, 1, { unit: 'share', description: 'Fall in GP rate after completing a programme, times match quality', source: 'Evidence §1c: −28% average GP demand (Polley et al. 2017; weak evidence, 0 in controlled studies)' }),
    wellbeingSlope: num(1, 0, 5, { unit: 'per unit wellbeing', description: 'GP rate falls by this share per unit of wellbeing above the starting mean (the factor is clamped to wellbeingFactorMin..wellbeingFactorMax)', source: 'Assumption: GP attendance "falls as wellbeing rises" (brief)' }),
    wellbeingFactorMin: num(0.2, 0, 1, { unit: 'multiplier', description: 'Lowest multiplier of a client\'s GP rate from high wellbeing', source: 'Assumption: a client who feels well still sees the GP now and then' }),
    wellbeingFactorMax: num(3, 1, 10, { unit: 'multiplier', description: 'Highest multiplier of a client\'s GP rate from low wellbeing', source: 'Assumption: bounds the rise in GP use of a client in crisis' }),
    rateSpread: num(0.5, 0, 1, { unit: 'share', description: 'Spread of personal GP use: each client\'s rate (and chance of a GP re-referral) is scaled by uniform(1 − spread, 1 + spread)', source: 'Assumption: GP use varies between people around the mean' }),
    observeWeeks: int(26, 1, 260, { unit: 'weeks', description: 'Weeks after exit a client is still observed for GP attendance', source: 'Assumption: a half-year follow-up window' }),
    otherStatutoryRatio: num(0.3, 0, 5, { unit: 'contacts per GP consultation', description: 'Other statutory contacts (A&E, social work, police) per GP consultation, following the same logic', source: 'Assumption: Allbutt Table 2 names them; Evidence §1c: A&E falls about as much as GP use (−24%)' }),
  },
  trust: {
    initial: num(0.6, 0, 1, { unit: '0..1', rows: ['F3'], description: 'Initial trust of each TSO in the CLW service', source: 'Evidence §4: T₀ = 0.6-0.7 [A]; the lower end, where the baseline\'s trust settles (scripts/stationarity.ts), so a run starts near its equilibrium' }),
    etaUp: num(0.03, 0, 1, { unit: 'per week', rows: ['F3'], description: 'Learning rate of trust towards a good week (exponential smoothing), at full signal volume', source: 'Evidence §3-4: η₊ = 0.05-0.1/week [A]; set a little below, as "Trust and ownership take time to grow" (Allbutt L337)' }),
    etaDown: num(0.06, 0, 1, { unit: 'per week', rows: ['U3', 'U6'], description: 'Learning rate of trust towards a bad week (negativity bias)', source: 'Evidence §3: η₋/η₊ ∈ [1,3], default 2 [A]' }),
    confirmationBias: num(0.6, 0, 0.95, { unit: 'weight on log-odds of trust', rows: ['F3', 'U6'], description: 'How much a TSO reads the week\'s signals through its current trust: log-odds(perceived) = log-odds(signals) + bias × log-odds(trust)', source: 'Evidence §3: biased trust dynamics (Hoogendoorn et al. 2011, validated on human data); value an assumption' }),
    followUpReciprocity: num(0.5, 0, 1, { unit: 'share', rows: ['F3', 'U3'], description: 'How much a CLW\'s follow-up depends on the relationship: chance × (1 − r + 2r × trust of the TSO)', source: 'Assumption: communication "often reportedly one-way"; collaborative exchanges came from "long-lasting connections" (Allbutt L321)' }),
    referralWeight: num(1, 0, 5, { unit: 'signal weight', rows: ['F1', 'F3'], description: 'Weight of an appropriate, ready referral as a good signal (a follow-up and a completed placement weigh 1; an inappropriate, unready or duplicate referral weighs 1 as a bad signal)', source: 'Assumption: TSOs judged the service by outcomes and contact more than by referral volume (Allbutt L231)' }),
    dropoutWeight: num(1, 0, 5, { unit: 'signal weight', rows: ['U3'], description: 'Weight of a client dropping out (or not coming to a first session) as a bad signal, when the TSO can put it down to the referral (see ownCourseWeight)', source: 'Assumption: "the success rate for link worker referrals is very low" eroded trust (Allbutt L201)' }),
    ownCourseWeight: num(0, 0, 1, { unit: 'share of dropoutWeight', rows: ['F3', 'U1', 'U4', 'F2'], description: 'Weight, as a share of dropoutWeight, of a drop-out or no-show the TSO cannot put down to the referral (right kind of service, client ready, referred to one service, accompanied if complex); others weigh dropoutWeight in full. 1 restores a TSO that blames every drop-out on the CLW service', source: 'Assumption: TSOs read such drop-outs as the client\'s own course ("This (CLW) is very much about, you know, you need to do this for yourself" (Allbutt L181)); their trust fell with over-referral, scattergun practice and missing handholding (Allbutt L41, Table 2), not with every client who stopped coming' }),
    signalClamp: num(0.02, 0.001, 0.49, { unit: 'share', rows: ['F3'], description: 'A week\'s share of good signals, and current trust, are read within clamp..1 − clamp before taking log-odds: a week of only good (or only bad) signals is strong evidence, not certainty', source: 'Assumption; also keeps the log-odds finite' }),
    volumeRef: num(2, 0.1, 100, { unit: 'signals/week', description: 'Weekly signal volume at which trust moves at its full rate', source: 'Assumption' }),
    silenceWeeks: int(8, 1, 104, { unit: 'weeks', rows: ['U2'], description: 'Weeks without a referral after which a TSO feels forgotten', source: 'Assumption: "It feels like it might be that sometimes we are forgotten" (Allbutt L201)' }),
    silenceRate: num(0.1, 0, 1, { unit: 'share of etaDown', rows: ['U2'], description: 'Rate at which a forgotten TSO loses trust, as a share of etaDown', source: 'Assumption' }),
    knowledgeShare: num(0.01, 0, 1, { unit: 'probability per referral', rows: ['F3', 'F4'], description: 'Chance per accepted referral, times trust, that the TSO tells the CLW about another service (knowledge grows)', source: 'Assumption: "So she knows intimately what we do" (Allbutt L167)' }),
    collabThreshold: num(0.7, 0, 1, { unit: '0..1', rows: ['F3'], description: 'Trust above which a TSO counts as collaborating (joint work, innovation index)', source: 'Assumption' }),
  },
  costs: {
    gpConsultation: num(42, 0, 1000, { unit: '£/consultation', description: 'Unit cost of a GP surgery consultation (2022/23 prices)', source: 'Evidence §1d: £42 per 10-minute consultation, Jones et al. 2024, Unit Costs of Health and Social Care 2023, Table 9.4.2' }),
    statutoryContact: num(100, 0, 5000, { unit: '£/contact', description: 'Mean unit cost of another statutory contact (A&E, social work, police)', source: 'Assumption: no sourced figure in the evidence file; a round £100 to be overridden locally' }),
    clwPostYear: num(36428, 0, 200000, { unit: '£/CLW/year', description: 'Cost of one CLW post for a year', source: 'Evidence §1d: £36,428 (2022/23, "up to band 5"), Management in Practice 2023' }),
  },
} satisfies SpecTree;

type ValuesOf<T> = { -readonly [K in keyof T]: T[K] extends NumSpec ? number : T[K] extends EnumSpec ? string : ValuesOf<T[K]> };
export type Params = ValuesOf<typeof PARAM_SPEC>;

export const isLeaf = (x: LeafSpec | SpecTree): x is LeafSpec =>
  typeof (x as LeafSpec).kind === 'string' && 'default' in x;

/** Every leaf with its dotted path, in declaration order. */
export function leaves(tree: SpecTree = PARAM_SPEC, prefix = ''): Array<{ path: string; spec: LeafSpec }> {
  const out: Array<{ path: string; spec: LeafSpec }> = [];
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isLeaf(v)) out.push({ path, spec: v });
    else out.push(...leaves(v, path));
  }
  return out;
}

export function defaults(tree: SpecTree = PARAM_SPEC): Params {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tree)) out[k] = isLeaf(v) ? v.default : defaults(v);
  return out as Params;
}

export function specAt(path: string): LeafSpec | undefined {
  let node: LeafSpec | SpecTree | undefined = PARAM_SPEC;
  for (const part of path.split('.')) {
    if (!node || isLeaf(node)) return undefined;
    node = (node as SpecTree)[part];
  }
  return node && isLeaf(node) ? node : undefined;
}

export function getParam(params: Params, path: string): number | string {
  let node: unknown = params;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  return node as number | string;
}

export function setParam(params: Params, path: string, value: number | string): void {
  const parts = path.split('.');
  let node = params as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** A deep copy (params are plain nested records of numbers and strings). */
export const cloneParams = (p: Params): Params => JSON.parse(JSON.stringify(p)) as Params;

/** Describe the valid values of a leaf, for error messages and docs. */
export function describeRange(spec: LeafSpec): string {
  if (spec.kind === 'enum') return `one of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
  return `${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
}

/** Check one value against its leaf spec; returns an error text or undefined. */
export function checkValue(spec: LeafSpec, value: unknown): string | undefined {
  if (spec.kind === 'enum') return typeof value === 'string' && spec.values.includes(value) ? undefined : `expected ${describeRange(spec)}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `expected ${describeRange(spec)}`;
  if (spec.integer && !Number.isInteger(value)) return `expected ${describeRange(spec)}`;
  if (value < spec.min || value > spec.max) return `expected ${describeRange(spec)}`;
  return undefined;
}
