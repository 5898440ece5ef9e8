// The client history format (one object per operation, times in virtual ms), shared by the
// simulated clients, the soak script's --history file and the linearizability checker.

export type HistoryOp =
  | { client: number; op: 'put'; key: string; value: string; call: number; return: number | null }
  | { client: number; op: 'append'; key: string; value: string; call: number; return: number | null }
  | { client: number; op: 'get'; key: string; output: string; call: number; return: number | null }
  /** ok is meaningful only when return is not null. */
  | { client: number; op: 'cas'; key: string; expected: string; value: string; ok: boolean; call: number; return: number | null };
