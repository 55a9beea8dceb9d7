/** Small numeric helpers shared by the mechanisms. */
export const logit = (p: number) => Math.log(p / (1 - p));
export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
