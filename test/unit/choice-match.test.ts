import { describe, expect, it } from 'vitest';
import { matchChoices } from '../../shared/choice-match';
import { MAZANDARAN_COUNTIES, PROVINCIAL_DEPARTMENTS } from '../../shared/defaults';

describe('finding a choice by what the clerk types', () => {
  it('finds a word anywhere in the name, with ZWNJ and Arabic letter forms folded', () => {
    expect(matchChoices(PROVINCIAL_DEPARTMENTS, 'بانک')).toEqual(['شورای هماهنگی بانک‌ها']);
    expect(matchChoices(PROVINCIAL_DEPARTMENTS, 'بانكها')).toEqual(['شورای هماهنگی بانک‌ها']);
    expect(matchChoices(MAZANDARAN_COUNTIES, 'قائم شهر')).toEqual(['قائم‌شهر']);
    expect(matchChoices(MAZANDARAN_COUNTIES, 'عباس آباد')).toEqual(['عباس‌آباد']);
  });
  it('puts the name itself first, then names starting with it, then names with a word starting with it', () => {
    expect(matchChoices(MAZANDARAN_COUNTIES, 'سوادکوه')).toEqual(['سوادکوه', 'سوادکوه شمالی']);
    expect(matchChoices(PROVINCIAL_DEPARTMENTS, 'برق').slice(0, 2)).toEqual(['شرکت توزیع برق', 'شرکت برق منطقه‌ای']);
    expect(matchChoices(['آب و فاضلاب', 'شرکت آب منطقه‌ای', 'خواب'], 'آب')).toEqual(['آب و فاضلاب', 'شرکت آب منطقه‌ای', 'خواب']);
  });
  it('gives every name for an empty query and none for a word no name has', () => {
    expect(matchChoices(MAZANDARAN_COUNTIES, '  ')).toHaveLength(MAZANDARAN_COUNTIES.length);
    expect(matchChoices(MAZANDARAN_COUNTIES, 'تهران')).toEqual([]);
  });
});
