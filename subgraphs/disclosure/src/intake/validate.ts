/** One failed rule of a row: the column code, a stable rule code, and a message naming both. */
export interface Reason {
  field: string;
  rule: string;
  message: string;
}

export interface ValidationContext {
  department: string;
  authorities: ReadonlyMap<string, { department: string }>;
  /** Today in China, YYYY-MM-DD. */
  today: string;
  personKey: (idNumber: string) => string;
}
