/**
 * The realist matrix (Table 2 of Allbutt et al. 2025, Front. Public Health 13:1645353).
 * Every mechanism module and every parameter names the row(s) it stands for, by these ids.
 * F = favourable mechanism, U = unfavourable mechanism, C = context. C1 joins the table's first
 * two contexts (post-COVID challenges; high levels of individual need). The table's last context,
 * a supportive policy environment promoting social prescribing, has no id: it is not modelled.
 */
export const MATRIX_ROWS = {
  F1: 'CLWs acting as empathic navigators moving clients towards most appropriate community supports',
  F2: 'CLWs providing handholding support (accompanying clients to groups)',
  F3: 'CLWs developing positive relationships with TSOs',
  F4: 'CLWs considering full range of local provision, not just favoured TSOs',
  F5: 'CLWs with enough expertise and community knowledge to match clients to appropriate placements',
  F6: 'Longer-term CLW client contact (when appropriate)',
  F7: 'TSOs as CLW employers: embedded within local community',
  F8: 'Stable TSO funding',
  U1: 'Over-referral by CLWs',
  U2: 'Under-referral by CLWs',
  U3: 'Failure by CLWs to follow up to TSOs after initial contact',
  U4: 'Scattergun and multiple referral practices',
  U5: 'Differing understandings of what constitutes CLW service "success" (referral-count KPIs)',
  U6: 'TSO perceptions of inequitable partnerships and unequal power compared to statutory services',
  U7: 'CLWs having too many managers (matrix management)',
  U8: 'Cuts to TSO funding from the Integrated Joint Board',
  C1: 'Post-COVID challenges; high levels of individual need',
  C2: 'CLWs with varying levels of experience and knowledge of available community provision',
  C3: 'CLWs working under significant pressure in their roles',
  C4: 'CLW service monitoring focused on referral numbers',
  C5: 'Matrix management structures for CLWs, contributing to role complexity',
  C6: 'Short-term and fragile funding arrangements for TSOs',
  C7: 'Differing organisational cultures and power imbalances between statutory services and the third sector',
  C8: 'CLWs linked to GP practices in areas of socioeconomic deprivation',
} as const;
export type MatrixRow = keyof typeof MATRIX_ROWS;

/** Rows no mechanism carries, and why (docs/matrix.md shows the reason; a test asks for one). */
export const UNMODELLED: Partial<Record<MatrixRow, string>> = {
  C7: 'The model has no organisational cultures. The power imbalance acts only through U6: a cut read as inequitable costs trust (funding.cutTrustShock, in funding.ts).',
};
