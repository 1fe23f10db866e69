import type { CaseRow, RestrictionRow } from './model.ts';

/** Chinese labels of the six behaviours of 法释〔2017〕7号 第一条. */
export const BEHAVIOUR_LABELS: Record<CaseRow['behaviour'], string> = {
  OBSTRUCTING_EXECUTION: '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  EVADING_EXECUTION: '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  VIOLATING_PROPERTY_REPORTING: '违反财产报告制度',
  VIOLATING_CONSUMPTION_RESTRICTION: '违反限制消费令',
  REFUSING_SETTLEMENT: '无正当理由拒不履行执行和解协议',
  REFUSING_DESPITE_ABILITY: '有履行能力而拒不履行生效法律文书确定义务',
};

/** 履行情况 labels as the published list words them. */
export const PERFORMANCE_LABELS: Record<CaseRow['performance'], string> = {
  NONE_PERFORMED: '全部未履行',
  PARTLY_PERFORMED: '部分未履行',
};

/** 屏蔽/撤销 reasons (法释〔2017〕7号 第十条). */
export const WITHDRAWAL_REASON_LABELS: Record<NonNullable<CaseRow['withdrawalReason']>, string> = {
  PERFORMED: '履行完毕',
  PERIOD_ENDED: '失信期限届满',
  LISTED_IN_ERROR: '错误纳入，予以撤销',
  OTHER: '其他情形',
};

/** A case counts as "on the list" while ACTIVE; listing periods end by an explicit withdrawal (PERIOD_ENDED). */
export const isListed = (c: Pick<CaseRow, 'status'>) => c.status === 'ACTIVE';

/** An order is in force until lifted (the database shares the case status enum: WITHDRAWN means lifted). */
export const isInForce = (r: Pick<RestrictionRow, 'status'>) => r.status === 'ACTIVE';
