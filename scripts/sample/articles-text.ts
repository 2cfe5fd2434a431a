// The words of the sample articles, in the small block format of util.ts (## heading, - list,
// > quote, ![alt](src), paragraphs). All written for Changmun (CC0).
//
// Spelling on purpose: the two articles marked `northSpelling` follow North Korean orthography
// (no initial-sound rule: 로동, 력사, 녀성, 리용, 래일, 락원, 량념, 리웃, 로인, 래년, 리유), while
// the other Korean articles use South Korean spelling (노동, 역사, 여성, 이용, 내일, 낙원, 양념,
// 이웃, 노인, 내년, 이유), so a search in one spelling has to find the other.

export interface ArticleText {
  /** Path under content-sample/. The extension decides the format: .html, .md or .txt. */
  rel: string;
  lang: 'ko' | 'en';
  title: string;
  /** A line under the title (author, date). */
  byline: string;
  body: string;
  northSpelling?: boolean;
  what: string;
}

export const ARTICLES: ArticleText[] = [
  {
    rel: 'articles/history/원산-로동자들의-력사.html',
    lang: 'ko',
    northSpelling: true,
    title: '원산 총파업 — 로동자들이 쓴 력사의 한 장',
    byline: '창문 견본 서재 · 력사',
    what: 'Korean article in North Korean spelling on the 1929 Wonsan general strike, with an SVG timeline',
    body: `
      1929년 정월, 함경남도의 항구도시 원산에서 로동자 2천여 명이 한꺼번에 일손을 놓았다. 부두에서 짐을 나르던
      운반로동자와 석유회사의 로동자, 인쇄소와 양복점의 직공들까지 함께 일어선 이 파업은 넉 달 가까이 이어졌다.
      력사책은 이 일을 원산 총파업이라고 부른다. 일제 강점기에 일어난 로동운동 가운데 가장 크고 오래 간 싸움이였다.

      ![원산 총파업 년표](원산-년표.svg)

      ## 문평에서 시작된 일

      일의 발단은 1928년 가을, 원산 가까이에 있는 문평의 한 외국 석유회사에서 일어났다. 일본인 감독이 조선인
      로동자를 때린것이다. 로동자들은 그 감독을 내보낼것과 로동조건을 고칠것을 요구하며 일손을 놓았고, 회사는
      석달 안에 요구를 들어주겠다고 약속하였다. 그러나 약속한 날이 지나도 달라진것은 없었다.

      로동자들이 속한 원산로동련합회는 약속이 깨진것을 모든 로동자에 대한 모욕으로 받아들였다. 1929년 1월,
      련합회는 총파업을 선언하였다. 부두에는 짐이 쌓인채 움직이지 않았고 항구에 들어온 배들은 짐을 부리지 못하였다.

      ## 온 도시가 함께 버틴 넉 달

      파업이 길어지자 가장 먼저 어려워진것은 로동자들의 집안 살림이였다. 이때 큰 몫을 한것은 녀성들이였다.
      로동자의 안해와 어머니들은 쌀과 땔나무를 나누고 한데 모여 밥을 지어 파업하는 사람들을 먹였다. 녀성들의
      손이 없었다면 넉 달을 버티기는 어려웠을것이다. 로인들은 아이들을 돌보았고 리웃들은 외상값을 미루어 주었다.

      소식은 신문을 타고 나라 안팎으로 퍼졌다. 여러 지방의 로동단체와 청년회가 격려하는 편지와 의연금을 보냈고,
      바다 건너 다른 나라의 로동자들에게서도 련대를 알리는 전보가 왔다고 한다. 회사와 당국은 다른 지방에서
      일할 사람을 데려와 빈자리를 메우려 하였고, 경찰은 파업을 이끄는 사람들을 잡아갔다.

      ## 끝나고 남은것

      4월 초, 로동자들은 요구를 다 이루지 못한채 일터로 돌아갔다. 겉으로 보면 진 싸움이였다. 그러나 원산의
      로동자들은 넉 달 동안 스스로 질서를 지키며 서로를 먹여 살렸고, 그 경험은 뒤의 로동운동에 오래도록 영향을
      주었다. 로동은 팔고 사는 물건이기 전에 사람의 일이라는 생각이 이때 널리 퍼졌다.

      ## 력사를 다시 읽는 리유

      원산의 로동자들이 바란것은 지상의 락원이 아니였다. 매맞지 않고 일할 권리, 일한만큼 받는 품삯, 그리고
      자식들이 맞을 래일이 오늘보다 조금은 나으리라는 믿음이였다. 그들이 리용할수 있었던것은 신문과 편지,
      그리고 리웃의 손길뿐이였다. 거창한 구호보다 서로를 믿는 마음이 더 오래 간다는것을 이 력사는 보여준다.
    `,
  },
  {
    rel: 'articles/history/제주-해녀의-역사.md',
    lang: 'ko',
    title: '바다를 일군 여성들 — 제주 해녀의 역사',
    byline: '창문 견본 서재 · 역사',
    what: 'Korean Markdown article (South Korean spelling) on the history of Jeju women divers, with a PNG picture',
    body: `
      제주 바닷가 마을에서는 지금도 "호오이" 하는 긴 휘파람 소리를 들을 수 있다. 물속에서 숨을 참고 있던 해녀가
      물 위로 올라와 한꺼번에 숨을 내쉬는 소리, 숨비소리다. 산소통 없이 맨몸으로 바다에 들어가 전복과 소라와 미역을
      따는 이 일을 제주 사람들은 물질이라고 부른다.

      ## 여성이 이끈 바다의 노동

      해녀의 역사는 수백 년을 거슬러 올라간다. 조선 시대의 기록에는 잠녀라는 이름으로 제주 여성들이 바다에 들어가
      전복을 따서 나라에 바쳤다는 이야기가 나온다. 남자들이 배를 타고 먼 바다로 나가는 동안 가까운 바다의 노동은
      여성의 몫이 되었다. 해녀들은 물질로 번 돈으로 아이들을 가르치고 밭을 샀다. 제주에서 여성이 집안 살림의
      기둥이라는 말이 나온 데에는 까닭이 있다.

      ## 테왁과 망사리, 그리고 불턱

      해녀의 도구는 단순하다. 물 위에 띄워 몸을 기대는 둥근 테왁, 그 아래 매단 그물주머니 망사리, 바위에 붙은
      전복을 떼어 내는 빗창이 전부다. 갓 딴 전복은 양념 없이 날로 먹어도 달다. 물질을 마친 해녀들은 돌담으로 둘러싼 불턱에 모여 불을 쬐며 몸을 녹였다.

      ![물 위에 뜬 주황색 테왁과 망사리, 숨을 고르는 해녀](haenyeo.png)

      불턱은 쉼터이자 회의장이었다. 누가 어느 바다에서 일할지, 언제 미역을 딸지, 처음 배우는 해녀를 어떻게
      가르칠지가 모두 이곳에서 정해졌다. 해녀들은 바다를 함께 이용하는 규칙을 스스로 만들었다. 전복이 어릴 때는
      따지 않고, 미역은 정해진 날에만 베었다. 바다를 오래 이용하려면 아껴야 한다는 것을 그들은 몸으로 알았다.

      ## 1932년, 해녀들의 항쟁

      일제 강점기에 해녀들이 딴 해산물은 해녀조합을 통해서만 팔 수 있었는데, 조합은 값을 후려치고 수수료를 떼어
      갔다. 1932년 1월, 구좌와 성산 일대의 해녀들은 호미와 빗창을 들고 거리로 나섰다. 수많은 해녀가 참여한 이
      싸움은 여성들이 이끈 가장 큰 항일 운동 가운데 하나로 꼽힌다. 해녀의 역사에서 가장 빛나는 장면이다.

      ## 이어도라는 낙원

      제주의 옛 노래에는 이어도가 자주 나온다. 바다 너머 어딘가에 있다는 이 섬은 고된 삶이 끝나는 낙원이자, 바다에
      나간 사람이 돌아오지 않는 곳이기도 했다. "이어도 사나"로 시작하는 노동요를 부르며 해녀들은 노를 저었다.
      낙원을 꿈꾸면서도 그들은 날마다 차가운 물로 돌아갔다.

      ## 해녀의 내일

      2016년 제주 해녀 문화는 유네스코 인류무형문화유산에 올랐다. 그러나 해녀의 수는 해마다 줄고 있다. 1960년대에
      2만 명이 넘던 해녀는 이제 수천 명에 지나지 않고, 그 가운데 대부분이 예순이 넘은 노인이다. 몇몇 마을은
      해녀학교를 열어 젊은 사람들에게 물질을 가르친다. 바다를 아끼며 함께 이용해 온 해녀들의 지혜가 내일에도
      이어질 수 있을지는 이제 우리 모두에게 달려 있다.
    `,
  },
  {
    rel: 'articles/history/타이타닉호의-마지막-밤.html',
    lang: 'ko',
    title: '타이타닉호의 마지막 밤',
    byline: '창문 견본 서재 · 역사',
    what: 'Korean article (South Korean spelling) on the sinking of the Titanic, with a JPEG picture and a site <nav>',
    body: `
      1912년 4월 10일, 영국 사우샘프턴 항구에서 당시 세계에서 가장 큰 여객선이 첫 항해에 나섰다. 사람들은 타이타닉을
      가라앉지 않는 배라고 불렀다. 나흘 뒤 그 배는 북대서양의 차가운 바다 밑으로 사라졌다.

      ![밤바다의 타이타닉호와 빙산 (그림)](titanic.jpg)

      ## 빙산을 만난 밤

      4월 14일 밤 11시 40분쯤, 망루에 있던 선원이 바로 앞에 빙산이 있다고 외쳤다. 배는 급히 방향을 틀었지만 너무
      늦었다. 빙산은 오른쪽 뱃전을 긁고 지나갔고, 앞쪽의 여러 방수 구획에 바닷물이 들어오기 시작했다. 배를 설계한
      토머스 앤드루스는 타이타닉이 한두 시간밖에 버티지 못할 것이라고 선장에게 알렸다.

      ## 모자란 구명정

      타이타닉에는 2,200명이 넘는 사람이 타고 있었지만 구명정은 스무 척, 모두 합쳐 1,200명 남짓만 태울 수 있었다.
      그래도 당시의 규정으로는 문제가 없었다. 선원들은 여성과 어린이를 먼저 태웠지만, 처음 내려간 구명정 가운데
      몇 척은 자리가 절반쯤 빈 채였다. 배가 정말 가라앉으리라고 믿는 사람이 많지 않았기 때문이다.

      ## 무선으로 보낸 구조 신호

      무선통신사 잭 필립스와 해럴드 브라이드는 마지막까지 구조 신호를 보냈다. 신호를 받은 카르파티아호가 100킬로미터
      남짓 떨어진 곳에서 전속력으로 달려왔지만, 도착한 것은 타이타닉이 가라앉고 한 시간 반쯤 지난 새벽 4시 무렵이었다.
      카르파티아호는 구명정에서 700여 명을 건져 냈다. 1,500명이 넘는 사람이 목숨을 잃었다.

      배 밑바닥의 기관실에서는 기관사와 화부들이 마지막까지 자리를 지키며 발전기를 돌렸다. 그들의 노동 덕분에 배의
      불은 거의 끝까지 꺼지지 않았고 무선 신호도 계속 나갈 수 있었다. 기관실에서 일하던 기관사 가운데 살아남은
      사람은 한 명도 없었다.

      ## 타이타닉을 기억하는 법

      이 사고 뒤에 바다의 규칙이 바뀌었다. 1914년 해상에서의 인명 안전을 위한 국제 협약이 맺어져 배마다 탄 사람
      수만큼 구명정을 싣게 되었고, 무선실은 밤낮으로 사람이 지키게 되었다. 북대서양의 빙산을 지켜보는 국제 빙산
      순찰대도 생겼다. 1985년에는 로버트 밸러드가 이끄는 조사단이 약 3,800미터 깊이의 바다 밑에서 두 동강 난
      선체를 찾아냈다.

      역사에서 타이타닉은 기술을 지나치게 믿은 사람들의 상징으로 남았다. 오늘 우리가 배를 타고 무사히 내일을 맞을
      수 있는 것은 그날 밤의 교훈 덕분이기도 하다.
    `,
  },
  {
    rel: 'articles/history/printing-in-korea.md',
    lang: 'en',
    title: 'Metal Type Before Gutenberg: How Korea Printed Its Books',
    byline: 'Changmun sample library · History',
    what: 'English Markdown article on Korean woodblock and metal-type printing, with a PNG picture',
    body: `
      Most histories of printing begin in Mainz around 1450, when Johannes Gutenberg started printing with movable
      metal type. By then Korean printers had been casting metal type for well over a century. The oldest surviving
      book printed with movable metal type is Korean: the Jikji, printed in 1377 at Heungdeok Temple in Cheongju.

      ## Carving a whole library in wood

      Before metal type, Korean printers carved entire pages into wooden blocks. The most famous result is the
      Tripitaka Koreana, a collection of Buddhist scriptures carved onto more than 81,000 woodblocks in the thirteenth
      century, while the country was being invaded by the Mongols. The blocks are still kept at Haeinsa temple, in
      halls designed so that mountain air keeps moving through them and the wood stays dry. Carving is slow, but a
      carved block lasts: printers went on running off fresh copies for centuries after the carvers had died.

      ## Casting letters in bronze

      ![Rows of cast bronze type (illustration)](metal-type.png)

      Records from the Goryeo period mention books printed with metal type early in the thirteenth century, but none
      of those copies survives. The Jikji, a collection of the teachings of Buddhist masters compiled by the monk
      Baegun, is the earliest such book we can still open and read. Only its second volume survives, and it is kept
      not in Korea but in the National Library of France in Paris, where it arrived after a French diplomat took it
      home at the end of the nineteenth century. In 2001 UNESCO added it to the Memory of the World register.

      Each letter was carved in wax, pressed into a mould of fine sand, and cast in molten bronze. The printer then
      set the letters in a tray, inked them, laid paper over them and rubbed the back with a brush. Modern studies of
      the Jikji's pages show uneven inking and slightly tilted characters: the marks of type set by hand.

      ## Why it did not change everything at once

      Written Chinese needs thousands of different characters, so a printing shop had to cast and store tens of
      thousands of pieces of type. In Korea that work was done mostly by the royal court, which printed books in
      small runs for officials and scholars rather than selling them widely. In 1434 the court cast a famous set of
      type known as Gabin-ja, and in 1446 King Sejong published Hunminjeongeum, the alphabet now called Hangul.
      Hangul has far fewer letters and is much easier to set in type, yet Chinese characters remained the language
      of most printed books for centuries.

      ## Reading the old books today

      Libraries in Korea and abroad are now photographing their old printed books page by page, so that students
      and researchers anywhere can read them. Scholars comparing the copies keep finding new studies to run: which
      workshop printed a page, which pieces of type were reused, how the ink was mixed. The books are quiet objects,
      but they are still answering questions.
    `,
  },
  {
    rel: 'articles/science/why-the-moon-shows-one-face.html',
    lang: 'en',
    title: 'Why the Moon Always Shows Us the Same Face',
    byline: 'Changmun sample library · Science',
    what: 'English article on tidal locking and the Moon, with an SVG diagram',
    body: `
      Anyone who looks up on a clear night for a few months will notice something odd. The Moon waxes and wanes,
      rises late and early, but the dark patches on its face never move. The pattern that Koreans see as a rabbit
      pounding rice cakes is always there, the right way up. The Moon keeps one face turned towards the Earth.

      ## One turn for every orbit

      The Moon does spin. It turns once on its axis in exactly the time it takes to go once around the Earth, about
      27.3 days. Walk in a circle around a chair while always facing the chair and you will see the idea: by the
      time you are back where you started, you have also turned once around yourself.

      ![The Moon on its orbit, with the near side always facing the Earth](earth-moon.svg)

      ## How the tides locked it

      This is not a coincidence. The Earth's gravity pulls a little harder on the near side of the Moon than on the
      far side, stretching it into a slightly longer shape. Long ago, when the young Moon was spinning faster, those
      bulges were constantly being dragged around its body, and the friction slowed the spinning until the turning
      matched the orbit. Astronomers call this tidal locking. Most of the large moons in the solar system are locked
      to their planets in the same way, and Pluto and its moon Charon are locked to each other.

      ## We see a little more than half

      Because the Moon's orbit is an ellipse and slightly tilted, it seems to rock and nod a little over the month.
      This wobble, called libration, lets observers on Earth see about 59 percent of the surface over time.

      ## The Moon is moving away

      The same tides that locked the Moon are still working on the Earth. They act like a brake on our planet's
      spinning, so the day is getting longer by a tiny fraction of a second every century, and the Moon is slowly
      drifting outwards. Apollo astronauts left mirrors on the lunar surface, and observatories have been running
      laser experiments on them for more than fifty years. These studies show the Moon moving away by about 3.8
      centimetres a year, roughly as fast as fingernails grow.

      ## The far side is not dark

      People sometimes call the hidden hemisphere the dark side of the Moon, but it gets just as much sunlight as the
      near side. When we see a new Moon, the far side is in full daylight. Nobody saw it until 1959, when the Soviet
      probe Luna 3 photographed it, and in 2019 the Chinese lander Chang'e 4 became the first spacecraft to land there.
    `,
  },
  {
    rel: 'articles/science/물의-순환.html',
    lang: 'ko',
    title: '물은 어디에서 와서 어디로 가는가 — 물의 순환',
    byline: '창문 견본 서재 · 과학',
    what: 'Korean article (South Korean spelling) on the water cycle, with a PNG picture with a Korean file name',
    body: `
      아침에 마신 물 한 잔은 어제 어디에 있었을까. 몇 달 전에는 바다에 있었을지도 모르고, 수천 년 전에는 빙하 속에
      갇혀 있었을지도 모른다. 지구의 물은 거의 사라지지 않는다. 다만 모습과 자리를 바꾸며 끊임없이 돈다. 이것을
      물의 순환이라고 한다.

      ![바다에서 증발한 물이 구름이 되어 산에 비로 내리고 강을 따라 바다로 돌아가는 그림](물의-순환.png)

      ## 바다에서 하늘로: 증발

      햇볕이 바닷물을 데우면 물은 눈에 보이지 않는 수증기가 되어 하늘로 올라간다. 이때 소금은 바다에 남는다.
      그래서 바닷물은 짜도 빗물은 짜지 않다. 숲의 나무들도 잎으로 물을 내보내는데, 이것을 증산이라고 한다. 여름날
      숲속이 시원하고 축축한 이유가 여기에 있다.

      ## 하늘에서 땅으로: 구름과 비

      높이 올라간 수증기는 차가운 공기를 만나 아주 작은 물방울이나 얼음 알갱이로 바뀌고, 이것이 모여 구름이 된다.
      물방울이 서로 뭉쳐 무거워지면 비나 눈이 되어 떨어진다. 하늘로 올라간 물은 평균 열흘쯤 머문 뒤 다시 땅으로
      내려온다고 한다. 일기예보에서 내일 비가 온다고 할 때, 그 빗물은 며칠 전 어느 바다에서 올라간 물이다.

      ## 땅 위와 땅 밑: 강과 지하수

      땅에 떨어진 빗물의 일부는 강과 시내를 따라 바다로 돌아가고, 일부는 땅속으로 스며들어 지하수가 된다. 지하수는
      아주 천천히 움직여서, 어떤 곳의 우물물은 수백 년 전에 내린 비일 수도 있다. 지구에 있는 물의 97퍼센트쯤은
      바닷물이고, 민물은 3퍼센트도 되지 않는다. 그 민물의 대부분은 남극과 그린란드의 얼음 속에 있다. 사람이 쉽게
      이용할 수 있는 물은 생각보다 아주 적다.

      ## 물을 아껴 이용하는 지혜

      사람들은 오래전부터 물의 순환을 이용해 왔다. 처마 밑에 항아리를 놓아 빗물을 받았고, 논에 물을 가두어 벼를
      길렀고, 우물을 파서 지하수를 길어 올렸다. 그러나 강에 버린 더러운 물도 순환을 따라 돌아온다. 오늘 버린 물이
      내일 우리가 마실 물이 될 수 있다는 것을 기억하면, 물을 이용하는 방법도 달라질 것이다.
    `,
  },
  {
    rel: 'articles/science/밤하늘에서-북쪽-찾기.md',
    lang: 'ko',
    title: '밤하늘에서 북쪽을 찾는 법',
    byline: '창문 견본 서재 · 과학',
    what: 'Korean Markdown article (South Korean spelling) on finding Polaris, with an SVG star chart',
    body: `
      나침반이 없어도 맑은 밤이면 북쪽을 찾을 수 있다. 밤새 다른 별들은 하늘을 가로질러 움직이지만, 북쪽 하늘의
      별 하나만은 거의 제자리에 머물러 있기 때문이다. 그 별이 북극성이다.

      ## 북극성은 왜 움직이지 않을까

      지구는 남극과 북극을 잇는 축을 중심으로 하루에 한 바퀴 돈다. 북극성은 그 축의 북쪽 끝이 가리키는 자리에서
      1도도 떨어져 있지 않다. 그래서 밤새 다른 별들이 북극성을 중심으로 커다란 원을 그리며 도는 동안에도 북극성은
      거의 움직이지 않는다. 흔히 북극성이 하늘에서 가장 밝은 별이라고 알고 있지만 사실은 그렇지 않다. 북극성은
      그리 밝지 않아서, 다른 별자리를 이용해 찾는 편이 쉽다.

      ![북두칠성과 카시오페이아자리로 북극성을 찾는 그림](북쪽-별자리.svg)

      ## 북두칠성을 이용하는 법

      북두칠성은 국자 모양으로 늘어선 일곱 개의 밝은 별이다. 국자의 손잡이 반대쪽 끝에 있는 두 별을 찾아 선으로
      이은 다음, 그 선을 국자가 열린 쪽으로 두 별 사이 거리의 다섯 배쯤 늘여 보자. 그 끝에서 혼자 빛나는 별이
      북극성이다. 봄과 여름밤에는 북두칠성이 하늘 높이 떠 있어 찾기가 쉽다.

      ## 카시오페이아자리로 찾기

      가을과 겨울밤에는 북두칠성이 지평선 가까이 내려가 산이나 건물에 가리기 쉽다. 그럴 때는 북극성을 사이에 두고
      북두칠성의 반대편에 있는 카시오페이아자리를 이용한다. 영어 알파벳 W 모양으로 늘어선 다섯 별이다. W의 가운데
      별에서 W가 열린 쪽으로 곧게 나아가면 북극성을 만난다.

      ## 북극성의 높이가 알려 주는 것

      북극성이 지평선에서 떠 있는 각도는 그곳의 위도와 거의 같다. 평양에서는 39도쯤, 서울에서는 37도 반쯤 된다.
      팔을 쭉 뻗고 주먹을 쥐면 주먹 하나가 하늘에서 10도쯤 되니, 주먹 네 개를 쌓으면 북극성의 높이를 어림할 수 있다.
      옛 뱃사람들도 이 방법으로 자기가 얼마나 북쪽에 와 있는지를 알았다.

      ## 내일 밤 해 볼 것

      - 오늘 밤 북극성을 찾아 그 방향에 있는 나무나 지붕을 기억해 두자.
      - 내일 밤 같은 시각에 다시 보면 북두칠성의 자리가 조금 달라져 있다. 별은 날마다 4분쯤 일찍 뜬다.
      - 한 달 동안 기록하면 별자리가 북극성을 중심으로 천천히 도는 것을 볼 수 있다.
      - 내년 이맘때 같은 시각에 보면 별자리는 다시 오늘 밤의 자리에 돌아와 있다.
    `,
  },
  {
    rel: 'articles/daily-life/김장철-이야기.md',
    lang: 'ko',
    northSpelling: true,
    title: '김장철 이야기 — 겨울을 준비하는 온 동네의 로동',
    byline: '창문 견본 서재 · 생활',
    what: 'Korean Markdown article in North Korean spelling on kimjang, the winter kimchi-making',
    body: `
      해마다 첫서리가 내릴 무렵이면 온 동네가 김장으로 들썩인다. 겨울 석달 동안 먹을 김치를 한꺼번에 담그는 김장은
      한 집의 일이 아니라 리웃들이 함께하는 큰 로동이다. 오늘은 이 집, 래일은 저 집 하는 식으로 돌아가며 서로 일손을
      보탠다.

      ## 김장은 녀성들만의 일이 아니다

      예전에는 김장을 주로 녀성들이 맡았다. 배추를 나르고 소금에 절이고 씻어 물을 빼는 일은 며칠이 걸리는 힘든
      로동이다. 요즘은 남자들도 배추를 나르고 독을 묻으며, 로인들은 량념 맛을 보아 주고 아이들은 마늘을 깐다. 배추는
      소금물에 하루밤 절여 두었다가 이튿날 아침 맑은 물에 헹군다.

      ## 량념을 만드는 날

      김장의 맛은 량념이 좌우한다. 고추가루와 마늘, 생강, 파, 젓갈에 채친 무를 넣고 고루 버무린다. 집집마다 량념
      맛이 다르고, 어머니의 량념 비법은 딸과 며느리에게 이어진다. 절인 배추 잎 사이사이에 량념을 고루 넣은 다음
      겉잎으로 감싸 독에 차곡차곡 담는다.

      ## 김치움과 김장독

      김장독은 땅에 묻는다. 땅속은 겨울내내 온도가 크게 변하지 않아서 김치가 얼지도 않고 지나치게 시지도 않는다.
      독을 묻은 자리 우에 짚으로 움을 지어 눈비를 막는데, 이것을 김치움이라고 한다. 요즘은 랭장고를 리용하는 집도
      많지만, 땅에 묻은 독에서 꺼낸 김치 맛이 제일이라는 사람이 아직 많다.

      ## 력사 속의 김장

      겨울을 나려고 남새를 소금에 절여 두는 풍습은 오랜 력사를 가지고 있다. 지금처럼 빨간 김치가 된것은 고추가
      들어온 뒤의 일이고, 그전에는 고추 없이 담근 흰 김치가 많았다. 김장은 2013년과 2015년에 남과 북에서 각각
      유네스코 인류무형문화유산에 올랐다. 같은 김장이 두 번 이름을 올린 셈이다.

      ## 래일을 위한 로동

      김장을 마친 저녁에는 삶은 돼지고기에 갓 버무린 김치를 싸서 함께 나누어 먹는다. 김장독이 가득 차면 겨울이
      두렵지 않다. 아이들에게 김장날은 작은 락원이다. 모두가 손을 씻고 둘러앉으면 누군가 꼭 말한다. 래년 김장도
      함께 하자고. 그렇게 김장은 래일을 위한 로동이 된다.
    `,
  },
  {
    rel: 'articles/daily-life/running-a-small-library.txt',
    lang: 'en',
    title: 'Running a Small Library from a Box',
    byline: 'Changmun sample library · Daily life',
    what: 'English plain-text article (UTF-8) on keeping a small lending library',
    body: `
      A library does not need a building. Some of the best libraries we know fit in a wooden box under a bed: forty
      or fifty books, a notebook and a pencil. What makes them libraries is not their size but the habit of lending,
      and the promise that a borrowed book comes back so that someone else can read it.

      ## Why a box is enough

      A small collection is easy to move, easy to hide from damp and easy to look after. When the books are few,
      every one of them gets read, and readers talk about them with each other. Running a small library is mostly a
      matter of keeping track of who has what, and of keeping the books in good repair.

      ## Choosing the books

      Choose books that people ask for, not books that look impressive on a shelf. Stories, practical guides,
      children's picture books and a good dictionary are borrowed far more often than thick studies that nobody
      finishes. If a book has not been borrowed for a year, lend it to another library and take one of theirs.

      ## Lending and remembering

      Keep one page of the notebook for each borrower. Write the title and the date when a book is borrowed, and
      cross it out when it is returned. Two or three weeks is a fair lending time. Be patient with late books:
      people who are reading slowly are still reading.

      ## Keeping the books alive

      Paper is damaged by damp, sunlight and mice. Keep the box off the floor and away from walls that sweat in
      winter. Wrap covers in clean paper, mend torn pages with thin strips of paper and flour paste, and let wet
      books dry slowly, standing open, never beside a stove.

      ## Libraries that move

      Around the world, libraries travel to their readers. In Colombia, a teacher has for many years carried books on
      donkeys to villages in the hills. In western Norway, a book boat has been calling at islands and fjord villages
      since 1959. Libraries like these remind us that the building was never the point: the reading was.
    `,
  },
];

/** The hostile article: real text about safe reading, wrapped in every trick a web page can play. */
export const SAFE_READING = {
  rel: 'articles/daily-life/안전한-읽기.html',
  shield: 'articles/daily-life/방패.svg',
  what: 'HOSTILE TEST FIXTURE: a readable Korean/English article on safe reading, full of scripts, event handlers, remote resources, an iframe, <base>, <meta refresh>, a <nav> and a hidden element; the app must render it inert and offline',
  whatShield: 'HOSTILE TEST FIXTURE: an SVG shield picture that carries a <script>, an onload handler and a remote <image>; used by 안전한-읽기.html',
} as const;
