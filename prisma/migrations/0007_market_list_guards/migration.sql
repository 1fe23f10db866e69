-- Hand-written: a subject is listed at most once per reason while listed (the writes also lock, this
-- makes it a database guarantee), and the overdue-removal list reads a small partial index.
CREATE UNIQUE INDEX abnormal_operation_one_listing_per_reason
  ON market.abnormal_operation (subject_code, reason) WHERE status = 'LISTED';
CREATE INDEX abnormal_operation_removal_deadline_idx
  ON market.abnormal_operation (removal_deadline, id) WHERE status = 'LISTED' AND removal_deadline IS NOT NULL;
