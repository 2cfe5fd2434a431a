// The words of the two books written for Changmun (CC0), in the block format of util.ts.

export interface ChapterText {
  title: string;
  body: string;
}

/** "The Night Train Library", an original short story in four chapters (English, EPUB 2). */
export const NIGHT_TRAIN_LIBRARY: ChapterText[] = [
  {
    title: 'Chapter One: The Carriage at Harrow Junction',
    body: `
      The railway company retired the old carriage in the spring of the year the mine closed, and nobody could think
      of a use for it. It stood on a short length of track at Harrow Junction, where the valley line met the line that
      climbed into the mountains, and for a whole summer the only passengers it carried were swallows.

      Ada Pell had been the junction's ticket clerk for twenty-two years. When the company told her that the ticket
      office would close in the autumn, she asked whether she might have the carriage instead of a leaving present. The
      district manager, who thought she meant to live in it, said yes before she had finished the question.

      She did not live in it. She scrubbed it from end to end, took out half of the seats, and had the village
      carpenter build shelves between the windows. Then she wrote to every school, church and lending society in the
      county, asking for the books they no longer wanted. By November the carriage smelled of coal smoke and paper,
      and a painted board on its side said THE NIGHT TRAIN LIBRARY, OPEN AFTER THE LAST TRAIN.

      She opened in the evenings because that was when people had time. The miners who were left came after their
      shifts at the quarry; the signalman came on his break, still in his cap; the farm girls came in pairs, with
      lanterns, and argued in whispers over the novels. Ada sat at a folding table by the stove with a ledger in which
      she wrote, in her tidy ticket-office hand, every book that went out and every book that came back.

      "Nobody is too late for a library," she told the first man who apologised for arriving at ten o'clock at night.
      It became the nearest thing the library had to a rule.
    `,
  },
  {
    title: 'Chapter Two: Borrowed Stars',
    body: `
      The boy who borrowed the star atlas was called Tomas, and he was nine years old. He came in out of the rain
      one evening in January, dripping and silent, and stood looking at the shelf of atlases for so long that Ada
      thought he had come in only to get warm.

      "That one is for grown-ups," said his older sister, who had followed him in. "It has sums in it."

      "Then he will learn the sums," said Ada, and wrote his name in the ledger.

      Tomas kept the atlas for six weeks, which was four weeks longer than the rules allowed. Ada did not mind. On
      clear nights she saw him standing on the footbridge over the tracks, the book open on the rail and a shaded
      lamp beside it, turning his head slowly from the page to the sky and back. When he finally returned the atlas he
      brought with it a school exercise book full of drawings: the positions of the planets, night after night, and
      a careful list of the stars he had found, each one ticked off with the date.

      "You have been running your own observatory," Ada said.

      He asked whether there were other books like it. There were not, in the carriage, so Ada wrote to the county
      library in the city, and the county library sent three books about astronomy on the mail train, wrapped in brown
      paper and addressed to The Night Train Library, Harrow Junction. It was the first parcel that had ever come for
      the library by name, and Ada kept the label.
    `,
  },
  {
    title: 'Chapter Three: The Winter the Line Closed',
    body: `
      In the second winter the snow came early and did not stop. The mountain line closed in December, then the valley
      line, and for nineteen days no train reached Harrow Junction at all. The shop ran out of paraffin, then flour,
      then patience.

      The library did not close. Ada could not have explained why it mattered, but it did. She dug a path to the
      carriage door every morning, banked the stove with the last of the railway coal, and kept the lamps burning until
      midnight. People came who had never come before: families whose houses were too cold to sit in, old men who
      wanted someone to talk to, children who had read every book they owned twice over.

      They read aloud to each other in the evenings. The signalman, who had a fine deep voice, read a sea story in
      instalments, a chapter a night, and stopped every evening at the most exciting place, so that even people who did
      not care for books came back the next day to find out what happened. Tomas gave a talk about the winter stars and
      took everyone out into the snow afterwards to find them. Ada wrote it all down in the back of the ledger, under
      the heading Events, because she felt that a library ought to keep a record of what it was for.

      On the twentieth day the snowplough came through from the valley, followed by a train with two goods wagons of
      coal and flour. The driver climbed down, stamped his boots and looked at the lit carriage in surprise. "I heard
      there was a library out here," he said. "I did not believe it was still open."

      "It never closed," said Ada, and lent him a book for the journey back.
    `,
  },
  {
    title: 'Chapter Four: What the Ledger Remembered',
    body: `
      The Night Train Library stayed open for thirty-one years. When Ada Pell retired, the ledgers filled a whole shelf
      of their own: the names of borrowers, the titles they carried home, the dates they brought them back, and at the
      back of each volume the long list of events, readings and winter talks.

      The woman who took over the carriage was a schoolteacher who had grown up in the village. She had learned to
      read from those shelves, and her name appeared in the ledger for the first time at the age of six, beside a book
      about a lighthouse. Her first decision was to put the old ledgers in a glass case by the door, open at a
      different page every week, so that visitors could see who had been reading what in the years before them.

      Among the most visited pages is one from a January evening long ago. It records, in Ada's tidy ticket-office
      hand, that a boy named Tomas borrowed a star atlas and was given a fortnight to return it. The return date is
      crossed out and written again three times. Underneath someone has added, in a different and much later hand:
      returned with thanks, and with an observatory.
    `,
  },
];

export interface BilingualChapter {
  ko: { title: string; body: string };
  en: { title: string; body: string };
}

export interface BilingualPart {
  ko: string;
  en: string;
  chapters: BilingualChapter[];
}

/** "창가에서 — 사계절 / By the Window: Four Seasons", bilingual essays in two parts (EPUB 3, nested TOC). */
export const BY_THE_WINDOW: BilingualPart[] = [
  {
    ko: '제1부 봄과 여름',
    en: 'Part One: Spring and Summer',
    chapters: [
      {
        ko: {
          title: '봄비 내리는 날',
          body: `
            봄비는 소리 없이 온다. 창문을 열어 두면 흙냄새가 먼저 들어오고, 그다음에야 빗소리가 들린다. 겨우내 말라
            있던 마당의 흙이 봄비를 마시고 검게 젖어 가는 것을 보고 있으면, 땅이 오래 참았던 숨을 내쉬는 것 같다.

            어머니는 봄비가 오는 날이면 장독 뚜껑을 덮으러 마당을 한 바퀴 돌았다. 비가 그치면 바로 밭에 나가 감자를
            심었다. 봄비가 땅을 부드럽게 풀어 주어야 씨감자가 뿌리를 내린다고 했다.

            창가에 앉아 빗방울이 유리창을 타고 흘러내리는 길을 세어 본다. 빗방울 두 개가 만나 하나가 되고, 하나가 된
            물줄기는 조금 더 빨리 내려간다. 그것을 보고 있으면 아무 일도 하지 않은 하루가 아깝지 않다.
          `,
        },
        en: {
          title: 'A Day of Spring Rain',
          body: `
            Spring rain arrives without a sound. If the window is open, the smell of earth comes in first, and only then
            the sound of the rain. Watching the yard, dry all winter, darken as it drinks, you feel the ground letting
            out a breath it has been holding for months.

            On days of spring rain my mother walked around the yard covering the lids of the sauce jars. As soon as the
            rain stopped she went out to plant potatoes, because the rain had loosened the soil enough for the seed
            potatoes to take root.

            Sitting by the window, I count the paths the raindrops take down the glass. Two drops meet and become one,
            and the joined stream runs a little faster. Watching them, a day in which nothing got done does not feel
            wasted.
          `,
        },
      },
      {
        ko: {
          title: '장마철의 빨래',
          body: `
            장마가 시작되면 빨래가 마르지 않는다. 장맛비가 사흘째 내리던 날, 할머니는 방 안에 줄을 매고 빨래를 널었다.
            아궁이에 불을 조금 더 넣으면 방바닥의 온기가 빨래를 말려 주었다. 덜 마른 빨래에서 나는 눅눅한 냄새는
            장마철의 냄새로 오래 기억에 남았다.

            장마 사이사이로 해가 잠깐 나면 온 동네가 바빠졌다. 집집마다 이불과 빨래를 들고 나와 담장과 빨랫줄에
            널었다. 그럴 때면 하늘을 자주 올려다보아야 했다. 먹구름이 다시 몰려오면 누가 먼저랄 것도 없이 서로의
            빨래를 걷어 주었다.

            요즘도 장마철이면 창가에 빨래를 널고 창문을 조금 열어 둔다. 바람이 빨래를 흔드는 것을 보고 있으면,
            이웃집 빨래까지 걷어 주던 그 여름의 마당이 떠오른다.
          `,
        },
        en: {
          title: 'Laundry in the Rainy Season',
          body: `
            When the rainy season begins, nothing dries. On the third day of the monsoon rain my grandmother strung a
            line across the room and hung the washing indoors. A little more wood in the fire under the floor, and the
            warmth of the heated floor dried the clothes. The damp smell of half-dried laundry stayed with me for years
            as the smell of the rainy season itself.

            Whenever the sun came out between the rains, the whole village got busy. Every household carried out its
            bedding and washing and hung it over walls and lines. Then you had to keep looking up at the sky. When the
            dark clouds came back, whoever was nearest took in the neighbours' washing as well as their own.

            Even now, in the rainy season, I hang the washing by the window and leave it open a little. Watching the
            wind stir the clothes, I remember that summer yard where we brought in each other's laundry.
          `,
        },
      },
      {
        ko: {
          title: '여름밤의 반딧불이',
          body: `
            어릴 적 여름밤에는 개울가 풀숲에 반딧불이가 가득했다. 해가 지고 어스름이 내리면 풀잎 사이에서 작은 불빛이
            하나둘 떠올랐다. 우리는 반딧불이를 잡아 빈 병에 넣고 이불 속에서 그 불빛으로 책을 읽어 보려 했지만,
            한 글자도 제대로 읽지 못했다. 어린 우리에게 그 개울가는 낙원이었다.

            반딧불이는 맑은 물이 흐르는 곳에서만 산다. 애벌레가 물속의 다슬기를 먹고 자라기 때문이다. 개울에 시멘트를
            바르고 밤길에 가로등이 늘어난 뒤로 반딧불이는 보기 어려워졌다.

            올여름 오랜만에 고향 개울가에 가 보았다. 풀숲은 어두웠고, 한참을 기다린 뒤에야 반딧불이 두 마리가 천천히
            날아올랐다. 두 개의 작은 불빛이 그렇게 반가울 줄은 몰랐다.
          `,
        },
        en: {
          title: 'Fireflies on a Summer Night',
          body: `
            On the summer nights of my childhood, the grass beside the stream was full of fireflies. When the sun had set
            and dusk came down, small lights rose one by one from between the blades of grass. We caught fireflies in an
            empty bottle and tried to read by their light under the blanket, but we never managed a single word. To us
            children, that stream was paradise.

            Fireflies live only where clean water flows, because their larvae grow up eating the snails in the stream.
            Since the stream was lined with cement and street lamps were put up along the night roads, fireflies have
            become hard to find.

            This summer I went back to the stream in my home village for the first time in years. The grass was dark, and
            only after a long wait did two fireflies slowly rise. I had not known that two small lights could be so
            welcome.
          `,
        },
      },
    ],
  },
  {
    ko: '제2부 가을과 겨울',
    en: 'Part Two: Autumn and Winter',
    chapters: [
      {
        ko: {
          title: '추석 보름달',
          body: `
            추석 전날 밤이면 온 식구가 둘러앉아 송편을 빚었다. 솔잎을 깐 시루에 송편을 찌면 온 집 안에 솔잎 향이
            퍼졌다. 송편을 예쁘게 빚으면 예쁜 딸을 낳는다는 말에, 고모들은 서로의 송편을 보며 웃었다.

            저녁을 먹고 나면 마을 뒷산에 올라 보름달이 뜨기를 기다렸다. 보름달이 산마루 위로 떠오르면 할아버지는
            말없이 두 손을 모았다. 무엇을 빌었는지는 끝내 말해 주지 않으셨다.

            지금은 그 산에 오르지 않는다. 그래도 추석 밤이면 창문을 열고 보름달을 찾는다. 같은 보름달을 멀리 있는
            식구들도 보고 있으리라 생각하면, 창가의 밤이 그리 쓸쓸하지 않다.
          `,
        },
        en: {
          title: 'The Chuseok Full Moon',
          body: `
            On the night before Chuseok the whole family sat in a circle making songpyeon, the half-moon rice cakes. When
            they were steamed on a bed of pine needles, the scent of pine filled the house. People said that whoever shaped
            pretty rice cakes would have pretty daughters, and my aunts laughed at each other's handiwork.

            After supper we climbed the hill behind the village to wait for the full moon. When it rose over the ridge my
            grandfather put his hands together without a word. He never told us what he wished for.

            I no longer climb that hill. Still, on Chuseok night I open the window and look for the full moon. Thinking
            that my family, far away, are watching the same moon, the night by the window does not feel lonely.
          `,
        },
      },
      {
        ko: {
          title: '첫눈 오는 아침',
          body: `
            첫눈은 늘 밤사이에 온다. 아침에 일어나 창문을 열면 세상이 하얗게 바뀌어 있고, 소리까지 눈에 덮인 듯
            조용하다. 아이들은 누구보다 먼저 마당에 발자국을 찍으려고 신발도 제대로 신지 않고 뛰어나간다.

            아버지는 첫눈이 오면 연탄을 들이고 문풍지를 새로 발랐다. 첫눈이 왔으니 이제 정말 겨울이라고, 겨울 준비가
            늦으면 안 된다고 했다. 문풍지가 바람에 떨리는 소리를 들으며 우리는 따뜻한 아랫목에서 잠이 들었다.

            첫눈이 오는 날 만나자던 약속을 기억하는 사람이 아직 있을까. 창가에 서서 눈 덮인 길을 내다보면, 그 길 위로
            누군가 걸어올 것만 같다. 첫눈은 그렇게 기다리는 마음과 함께 온다.
          `,
        },
        en: {
          title: 'The Morning of the First Snow',
          body: `
            The first snow always comes in the night. You get up, open the window, and the world has turned white, so
            quiet that even the sounds seem to be covered in snow. The children run out without putting their shoes on
            properly, each hoping to be first to leave footprints in the yard.

            When the first snow came, my father brought in the coal briquettes and pasted fresh paper strips around the
            doors. Now that the first snow had fallen it was truly winter, he said, and winter preparations must not be
            late. Listening to the paper strips tremble in the wind, we fell asleep on the warmest part of the floor.

            Does anyone still remember promising to meet on the day of the first snow? Standing by the window and looking
            out at the snow-covered road, I feel that someone is about to come walking along it. The first snow arrives
            like that, together with waiting.
          `,
        },
      },
    ],
  },
];
