/**
 * The files `clwsim area init DIR` writes: a commented area.yaml and a register to fill in. Both
 * are valid as written (a test runs them), so a commissioner can run the template first and then
 * replace the example rows with their own organisations.
 */
export const AREA_YAML = `# An area: your link-worker service and the organisations you fund.
# Check it:   npx clwsim validate area.yaml
# Run it:     npx clwsim run area.yaml              (writes organisations.csv per replication)
# Compare:    npx clwsim compare area.yaml my-option.yaml
# Every parameter not set here takes its default: \`npx clwsim params\` lists them with units,
# ranges and sources. Any of them can be set under params: (as in scenarios/baseline.yaml).
name: my-area
description: My area as it is, stable grants
organisations: organisations.csv   # the register, one row per organisation (columns below)
run:
  weeks: 260       # five years, a week at a time
  warmup: 104      # the first two years settle the model and are left out of the results
  reps: 10         # replications; more narrow the intervals
  seed: 1
params:
  clw:
    count: 25                  # link workers (whole-time posts)
    caseloadCap: 25            # people a link worker can carry at once
  demand:
    referralsPerClwWeek: 2.2   # new GP referrals per link worker a week (2.2 ≈ 115 a year; GP re-referrals come on top)
# The register (organisations.csv) replaces tso.count, tso.fundingPerYear, tso.fundingSpread and
# tso.programmeWeeks: set those in the register, not here. Its columns:
#   id                  a short identifier (letters, digits, . _ -), used to name organisations in options
#   name                the organisation's name
#   type                crisis, mh (mental health), activity (community activity) or specialist
#   annual_grant_gbp    your grant, £ a year (above 0)
#   places              places for people referred by link workers, at that grant
#   cost_per_place_gbp  ... or instead: £ a year per place (give one of the two)
#   programme_weeks     how long its programme runs (1 to 104 weeks)
#   other_income_gbp    optional: its other income, £ a year (it keeps it open; it funds no link-worker places)
#   core_cost_gbp       optional: £ a year it needs to stay open; below that it spends its reserves
#                       (0 to 6 months) and closes; empty: tso.coreCostShare (60% ± 30%) of its income
#   waiting_now         optional: people on its waiting list today; empty: the usual wait of its type
#
# An option (my-option.yaml) extends this file and changes grants from a week, e.g.:
#   name: end-smallest
#   description: The 10 smallest grants end from week 104
#   extends: area.yaml
#   interventions:
#     - week: 104
#       grants:
#         - end: { smallest: 10 }                       # also: { ids: [org-01, org-07] }, { type: activity },
#                                                       #   { above_gbp: 100000 }, { below_gbp: 20000 }, { largest: 5 }
#         - cut: { type: [crisis, mh] }                 # cut by a share of the grant
#           by: 0.2
#         - restore: { ids: [org-02] }                  # back to the register grant
#         - change: { ids: [org-03] }                   # a new grant, £ a year
#           to_gbp: 40000
#   A whole programme replaced by one fund, shared pro-rata (to the grants), equal or by-places:
#         - replace: all
#           fund_gbp: 3000000
#           rule: pro-rata
`;

export const ORGANISATIONS_CSV = `# Example rows: replace them with your organisations (lines starting with # are ignored).
id,name,type,annual_grant_gbp,places,cost_per_place_gbp,programme_weeks,other_income_gbp,core_cost_gbp,waiting_now
org-01,Example Food and Money Advice,crisis,70000,5,,4,20000,60000,
org-02,Example Mental Health Project,mh,90000,,7000,12,,,12
org-03,Example Community Garden,activity,20000,8,,10,5000,,
org-04,Example Counselling Service,specialist,60000,7,,8,,45000,
`;
