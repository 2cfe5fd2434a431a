// Data, not code: Korean family names of one syllable, the most common first. A given name typed
// alone (관호, 창룡) also finds the full name written as one word (김관호, 황창룡): a reader looking
// for a person by the name the story calls them expects every mention. Only one-syllable names:
// the two-syllable ones (남궁, 황보, 제갈, 선우) are few and would each add a lookup to every query.
// Source: Statistics Korea, 2015 census (인구주택총조사, 성씨·본관), names held by over 10,000 people,
// and the North's common names, which are the same.

export const SURNAMES: readonly string[] = [
  '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '전', '홍',
  '유', '고', '문', '양', '손', '배', '백', '허', '남', '심', '노', '하', '곽', '성', '차', '주', '우', '구', '민', '류',
  '나', '진', '지', '엄', '채', '원', '천', '방', '공', '현', '함', '변', '염', '여', '추', '도', '소', '석', '선', '설',
  '마', '길', '연', '위', '표', '명', '기', '반', '왕', '금', '옥', '육', '인', '맹', '제', '모', '탁', '국', '어', '은',
  '편', '용', '예', '경', '봉', '리', '라', '림', '로', '량', '렴', '룡',
];
