/**
 * The receipt imports that count for a term now: per kind and round (the regular one and the 高三 one hold different
 * students), the newest import of any of the term's submissions (a resubmission's receipts replace the earlier ones).
 */
export const CURRENT_IMPORTS_SQL = `
  select distinct on (ri.kind, s.grade12_round) ri.school_id, ri.id, ri.kind, s.grade12_round
  from receipt_import ri
  join submission s on s.school_id = ri.school_id and s.id = ri.submission_id
  where s.term_id = ?
  order by ri.kind, s.grade12_round, ri.created_at desc, ri.id desc`;
