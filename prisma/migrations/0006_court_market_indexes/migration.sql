-- Hand-written: region filters are prefixes of the division code (330100 → 3301%), see migration 0002.
CREATE INDEX dishonest_debtor_case_region_prefix_idx ON court.dishonest_debtor_case (region_code bpchar_pattern_ops, filed_on);
CREATE INDEX abnormal_operation_region_prefix_idx ON market.abnormal_operation (region_code bpchar_pattern_ops, listed_on);
CREATE INDEX serious_illegal_listing_region_prefix_idx ON market.serious_illegal_listing (region_code bpchar_pattern_ops, listed_on);
