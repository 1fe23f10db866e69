import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  REGISTRATION_CATEGORIES,
  SUBJECT_KINDS,
  SUBJECT_KIND_LABELS,
  describeRegistrationCategory,
  kindFromUscc,
  type SubjectKind,
} from './kind.ts';

const TAIL = '350100M000100Y43';

describe('kindFromUscc', () => {
  const rows: Array<[string, SubjectKind]> = [
    ['91', 'ENTERPRISE'],
    ['92', 'INDIVIDUAL_BUSINESS'],
    ['93', 'FARMERS_COOPERATIVE'],
    ['11', 'GOVERNMENT_BODY'],
    ['12', 'PUBLIC_INSTITUTION'],
    ['13', 'SOCIAL_ORGANISATION'],
    ['19', 'OTHER'],
    ['51', 'SOCIAL_ORGANISATION'],
    ['52', 'SOCIAL_ORGANISATION'],
    ['53', 'SOCIAL_ORGANISATION'],
    ['59', 'SOCIAL_ORGANISATION'],
    ['54', 'OTHER'],
    ['71', 'SOCIAL_ORGANISATION'],
    ['72', 'SOCIAL_ORGANISATION'],
    ['79', 'SOCIAL_ORGANISATION'],
    ['73', 'SOCIAL_ORGANISATION'],
    ['81', 'SOCIAL_ORGANISATION'],
    ['89', 'OTHER'],
    ['21', 'OTHER'],
    ['31', 'OTHER'],
    ['34', 'OTHER'],
    ['41', 'OTHER'],
    ['61', 'OTHER'],
    ['A1', 'OTHER'],
    ['N1', 'OTHER'],
    ['N2', 'OTHER'],
    ['N3', 'OTHER'],
    ['Y1', 'OTHER'],
    ['99', 'OTHER'],
    ['01', 'OTHER'],
    ['Z1', 'OTHER'],
  ];
  for (const [prefix, kind] of rows) {
    it(`${prefix}… → ${kind}`, () => {
      assert.equal(kindFromUscc(prefix + TAIL), kind);
    });
  }

  it('tolerates lower case, whitespace and short input', () => {
    assert.equal(kindFromUscc(' n1' + TAIL), 'OTHER');
    assert.equal(kindFromUscc(' 92' + TAIL.toLowerCase()), 'INDIVIDUAL_BUSINESS');
    assert.equal(kindFromUscc(''), 'OTHER');
    assert.equal(kindFromUscc('9'), 'OTHER');
  });

  it('only ever returns declared kinds, never NATURAL_PERSON', () => {
    for (const [dept, entry] of Object.entries(REGISTRATION_CATEGORIES)) {
      for (const cat of [...Object.keys(entry.categories), '0', '8']) {
        const kind = kindFromUscc(dept + cat + TAIL);
        assert.ok(SUBJECT_KINDS.includes(kind));
        assert.notEqual(kind, 'NATURAL_PERSON');
      }
    }
  });
});

describe('describeRegistrationCategory', () => {
  it('returns Chinese labels for department and category', () => {
    assert.deepEqual(describeRegistrationCategory('91350100M000100Y43'), { department: '工商', category: '企业' });
    assert.deepEqual(describeRegistrationCategory('92500105MAC817EJ5D'), {
      department: '工商',
      category: '个体工商户',
    });
    assert.deepEqual(describeRegistrationCategory('93' + TAIL), { department: '工商', category: '农民专业合作社' });
    assert.deepEqual(describeRegistrationCategory('11' + TAIL), { department: '机构编制', category: '机关' });
    assert.deepEqual(describeRegistrationCategory('12' + TAIL), { department: '机构编制', category: '事业单位' });
    assert.deepEqual(describeRegistrationCategory('13' + TAIL), { department: '机构编制', category: '群众团体' });
    assert.deepEqual(describeRegistrationCategory('52' + TAIL), { department: '民政', category: '民办非企业单位' });
    assert.deepEqual(describeRegistrationCategory('53' + TAIL), { department: '民政', category: '基金会' });
    assert.deepEqual(describeRegistrationCategory('31' + TAIL), { department: '司法行政', category: '律师执业机构' });
    assert.deepEqual(describeRegistrationCategory('81' + TAIL), { department: '工会', category: '基层工会' });
    assert.deepEqual(describeRegistrationCategory('21' + TAIL), { department: '外交', category: '外国常驻新闻机构' });
    assert.deepEqual(describeRegistrationCategory('n2' + TAIL), { department: '农业', category: '村级集体经济组织' });
    assert.deepEqual(describeRegistrationCategory('Y1' + TAIL), { department: '其他', category: '其他' });
  });

  it('says 未知 for what the table does not know', () => {
    assert.deepEqual(describeRegistrationCategory('B1' + TAIL), { department: '未知', category: '未知' });
    assert.deepEqual(describeRegistrationCategory('73' + TAIL), { department: '宗教', category: '未知' });
    assert.deepEqual(describeRegistrationCategory(''), { department: '未知', category: '未知' });
  });
});

describe('SUBJECT_KIND_LABELS', () => {
  it('labels every kind in Chinese', () => {
    assert.deepEqual(SUBJECT_KIND_LABELS, {
      NATURAL_PERSON: '自然人',
      ENTERPRISE: '企业',
      INDIVIDUAL_BUSINESS: '个体工商户',
      FARMERS_COOPERATIVE: '农民专业合作社',
      GOVERNMENT_BODY: '机关',
      PUBLIC_INSTITUTION: '事业单位',
      SOCIAL_ORGANISATION: '社会组织',
      OTHER: '其他',
    });
    assert.deepEqual(Object.keys(SUBJECT_KIND_LABELS).sort(), [...SUBJECT_KINDS].sort());
  });
});
