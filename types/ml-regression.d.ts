/** The part of ml-regression (no bundled types) that tests/stats/ols.test.ts uses as an independent oracle. */
declare module 'ml-regression' {
  export class MultivariateLinearRegression {
    constructor(x: number[][], y: number[][], options?: { intercept?: boolean; statistics?: boolean });
    /** One row per input column, then the intercept. */
    weights: number[][];
    /** Standard errors in the order of `weights`. */
    stdErrors: number[];
  }
  export class PolynomialRegression {
    constructor(x: number[], y: number[], degree: number);
    /** Lowest power first. */
    coefficients: number[];
  }
}
