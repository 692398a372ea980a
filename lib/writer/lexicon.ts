/** Word lists the idea reader uses. Lower-case unless noted. */

export const TITLES: Record<string, { gender?: "female" | "male"; job?: string }> = {
  mr: { gender: "male" }, mrs: { gender: "female" }, ms: { gender: "female" }, miss: { gender: "female" }, mister: { gender: "male" },
  dr: { job: "doctor" }, doctor: { job: "doctor" }, professor: { job: "professor" }, prof: { job: "professor" },
  sheriff: { job: "sheriff" }, deputy: { job: "deputy" }, marshal: { job: "marshal" }, detective: { job: "detective" }, inspector: { job: "inspector" },
  captain: { job: "captain" }, commander: { job: "commander" }, agent: { job: "agent" }, officer: { job: "officer" }, sergeant: { job: "sergeant" },
  lieutenant: { job: "lieutenant" }, general: { job: "general" }, colonel: { job: "colonel" }, admiral: { job: "admiral" },
  king: { gender: "male", job: "king" }, queen: { gender: "female", job: "queen" }, prince: { gender: "male", job: "prince" }, princess: { gender: "female", job: "princess" },
  lord: { gender: "male", job: "lord" }, lady: { gender: "female", job: "lady" }, sir: { gender: "male", job: "knight" }, dame: { gender: "female" },
  father: { gender: "male", job: "priest" }, sister: { gender: "female", job: "nun" }, brother: { gender: "male", job: "monk" },
  uncle: { gender: "male" }, aunt: { gender: "female" }, grandma: { gender: "female" }, grandpa: { gender: "male" }, granny: { gender: "female" },
  judge: { job: "judge" }, mayor: { job: "mayor" }, senator: { job: "senator" }, governor: { job: "governor" }, count: { gender: "male", job: "count" }, countess: { gender: "female", job: "countess" },
};

/** Capitalised words that are not people (sentence starters, days, months, genres, common nouns). */
export const NOT_NAMES = new Set(
  (
    "i a an the this that these those it its in on at to from of for with by and or but if when while after before then so as " +
    "he she they we you his her their our your my me him them us who what where why how which there here " +
    "one two three four five six seven eight nine ten first second third last final next once some every each all no not " +
    "make write create give show open end start begin set add ignore please can could would should will let do don't " +
    "act scene shot chapter part episode prologue epilogue intro interlude climax ending opening finale title logline " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december " +
    "christmas easter halloween god lord heaven hell earth moon sun " +
    "western noir heist mystery romance horror comedy drama thriller adventure action fantasy sci-fi scifi cyberpunk film movie short feature story " +
    "english american british french german spanish italian japanese chinese russian mexican irish scottish african european asian " +
    "meanwhile later finally suddenly soon now today tonight tomorrow yesterday years decades centuries " +
    "rain snow storm night day dawn dusk morning evening winter summer spring autumn fall " +
    "ok okay yes oh hey wow maybe also just only even still yet " +
    "minute minutes hour hours second seconds ai llm camera music sound style look colour color"
  ).split(" "),
);

/** Nouns that often start a sentence in an idea and are never names. */
export const COMMON_NOUNS = new Set(
  (
    "town city village street road desert forest sea ocean river lake mountain house home room bar saloon office lab ship station train " +
    "police cops soldiers guards people everyone nobody someone everybody crowd family friends kids children men women " +
    "war peace love fear death life time money gold gun guns blood fire water wind dust light darkness shadows silence " +
    "sheriff detective hacker thief robot alien ghost monster killer king queen doctor mother father girl boy man woman " +
    "nothing something everything things trouble danger hope"
  ).split(" "),
);

export const PLACE_PREPOSITIONS = new Set("in at from near into across through outside inside towards toward beyond around of to onto over under past via".split(" "));

export const PLACE_SUFFIXES = new Set(
  "city town village creek river street avenue road valley canyon gulch springs falls bay island islands mountains mountain hills peak lake station county " +
  "kingdom empire republic castle tower palace forest woods desert sea ocean harbor harbour port bridge square park district quarter heights ridge point " +
  "mesa rock ranch farm manor hall abbey cathedral church temple hotel motel casino bank prison academy school university hospital base colony planet".split(" "),
);

export const KNOWN_PLACES = new Set(
  (
    "paris london tokyo kyoto berlin rome venice madrid lisbon dublin edinburgh moscow cairo istanbul mumbai delhi shanghai beijing hong kong seoul " +
    "sydney melbourne toronto vancouver chicago boston seattle miami vegas texas california arizona nevada montana wyoming colorado mexico canada " +
    "brazil argentina peru chile cuba jamaica france germany spain italy japan china india russia egypt morocco kenya iceland norway sweden alaska " +
    "tombstone dodge deadwood laredo abilene santa fe el paso yukon sahara amazon himalaya himalayas alps mars venus jupiter saturn titan europa " +
    "atlantis camelot gotham neo-tokyo hollywood manhattan brooklyn harlem soho africa europe asia america antarctica arctic pacific atlantic " +
    "los angeles san francisco diego new york orleans jersey marrakesh marrakech casablanca tangier fez havana prague vienna budapest athens amsterdam " +
    "barcelona naples florence milan oslo stockholm copenhagen helsinki warsaw bangkok singapore manila jakarta hanoi saigon lagos nairobi " +
    "johannesburg rio lima bogota santiago detroit dallas houston denver portland atlanta philadelphia baltimore nashville memphis shibuya " +
    "montmartre brighton liverpool manchester glasgow belfast marseille lyon munich hamburg krakow dubai tehran baghdad jerusalem"
  ).split(" "),
);

/** Places a story calls by name that are cities: streets, not a village. */
export const CITIES = new Set(
  (
    "paris|london|tokyo|kyoto|berlin|rome|venice|madrid|lisbon|dublin|edinburgh|moscow|cairo|istanbul|mumbai|delhi|shanghai|beijing|hong kong|seoul|" +
    "sydney|melbourne|toronto|vancouver|chicago|boston|seattle|miami|las vegas|vegas|hollywood|manhattan|brooklyn|harlem|soho|gotham|neo-tokyo|" +
    "los angeles|san francisco|san diego|new york|new orleans|casablanca|havana|prague|vienna|budapest|athens|amsterdam|barcelona|naples|florence|" +
    "milan|oslo|stockholm|copenhagen|helsinki|warsaw|bangkok|singapore|manila|jakarta|hanoi|saigon|lagos|nairobi|johannesburg|rio|lima|bogota|" +
    "santiago|detroit|dallas|houston|denver|portland|atlanta|philadelphia|baltimore|nashville|memphis|shibuya|montmartre|brighton|liverpool|" +
    "manchester|glasgow|belfast|marseille|lyon|munich|hamburg|krakow|dubai|tehran|baghdad|jerusalem"
  ).split("|"),
);

export const FEMALE_NAMES = new Set(
  (
    "ada alice amelia anna ava bella clara claire daisy edith eleanor elena eliza ella emily emma eva evelyn grace hannah harper ida iris isla " +
    "jane jean joan josephine julia june kate kit lena lily lucy luna mae maggie maria marie martha mary maya mia mina nora olivia pearl penny " +
    "rosa rose ruby ruth sara sarah sofia sophie stella tess vera violet zoe amara aiko yuki mei priya fatima leila nadia ines chloe beatrice " +
    "delilah elara freya greta hazel ingrid ivy lila mabel matilda nell opal rosalind sadie selma wren zara imogen agnes etta dolores " +
    "rita carmen lucia frida hilda astrid sigrid olga tanya katya aurora celeste diana helen irene laura margaret nancy susan linda"
  ).split(" "),
);

export const MALE_NAMES = new Set(
  (
    "adam alan albert arthur ben benjamin bill bob caleb carl charles charlie dan daniel david eli elias ethan felix frank george hank harry " +
    "henry isaac jack jacob jake james jesse joe john jonah joseph josh leo liam logan luke marcus mark matthew max michael miles nathan " +
    "nick noah oliver omar oscar owen paul peter ray raymond rex sam samuel silas simon theo thomas tom victor walter will william " +
    "wyatt zack abe amos boone cass clay cole dutch eli ezra gus hector ike jasper jed levi lou mack ned otis rufus seth tate virgil " +
    "hiro kenji takeshi ravi arjun tariq hassan mateo diego pablo luis carlos ivan dmitri sergei hans klaus pierre jean-luc lars erik " +
    "magnus bruno marco enzo giovanni kwame kofi malik andre vincent hugo felipe rafael tobias quentin roland edgar edmund"
  ).split(" "),
);

export const FEMALE_WORDS = /\b(she|her|hers|herself|woman|women|girl|lady|mother|mom|mum|mama|daughter|sister|wife|queen|princess|actress|waitress|heroine|grandmother|grandma|granny|aunt|niece|widow|matriarch|witch|sorceress|nun|duchess|countess|empress|goddess|girlfriend|bride|landlady|stepmother|businesswoman|policewoman|cowgirl)\b/;
export const MALE_WORDS = /\b(he|him|his|himself|man|men|boy|guy|father|dad|papa|son|brother|husband|king|prince|uncle|nephew|grandfather|grandpa|widower|patriarch|wizard|sorcerer|monk|duke|count|emperor|god|boyfriend|groom|landlord|stepfather|businessman|policeman|cowboy|lad|gentleman)\b/;

export const JOBS = (
  "bounty hunter|lighthouse keeper|zookeeper|shopkeeper|beekeeper|taxi driver|cab driver|truck driver|bus driver|flight attendant|lion tamer|private eye|private detective|mob boss|crime boss|cattle baron|street doctor|lab tech|" +
  "sheriff|deputy|marshal|outlaw|bandit|gunslinger|rancher|cowboy|cowgirl|prospector|detective|inspector|hacker|netrunner|thief|burglar|" +
  "pickpocket|safecracker|con artist|pilot|captain|commander|doctor|nurse|surgeon|scientist|teacher|professor|student|soldier|knight|wizard|" +
  "witch|sorcerer|sorceress|king|queen|prince|princess|farmer|singer|musician|writer|journalist|reporter|cop|officer|agent|spy|assassin|" +
  "mechanic|engineer|astronaut|robot|android|smuggler|pirate|sailor|priest|nun|monk|lawyer|chef|cook|waitress|waiter|bartender|boxer|" +
  "dancer|painter|artist|librarian|banker|mayor|miner|hunter|ranger|fisherman|baker|butler|maid|gardener|architect|photographer|" +
  "courier|driver|mercenary|warlord|general|senator|heir|heiress|widow|orphan|stranger|drifter|nomad|explorer|archaeologist|" +
  "cartographer|caretaker|undertaker|gambler|hustler|fixer|dealer|bodyguard|guard|janitor|clerk|accountant|programmer|designer|" +
  "actor|actress|director|poet|monster|vampire|ghost|alien|killer|murderer|villain|boss|baron|tycoon|ceo|chemist|medic|healer|blacksmith|" +
  "innkeeper|merchant|shepherd|apprentice|mentor|squire|bard|ninja|samurai|ronin|chief|elder|mother|father|brother|sister|son|daughter|" +
  "florist|barista|firefighter|paramedic|electrician|plumber|carpenter|tailor|seamstress|jeweler|jeweller|violinist|pianist|drummer|guitarist|" +
  "sculptor|novelist|editor|intern|botanist|biologist|astronomer|veterinarian|dentist|pharmacist|shaman|archer|postman|grocer|butcher|" +
  "housekeeper|nanny|governess|babysitter|coach|athlete|climber|surfer|magician|clown|acrobat|juggler|ringmaster|farmhand|fisherwoman|" +
  "wife|husband|friend|partner|lover|rival|nemesis|grandmother|grandfather|uncle|aunt|kid|girl|boy|man|woman"
).split("|");

export const JOB_ROLE: Record<string, "antagonist" | "ally" | "mentor" | "love-interest"> = {
  outlaw: "antagonist", bandit: "antagonist", villain: "antagonist", killer: "antagonist", murderer: "antagonist", nemesis: "antagonist",
  rival: "antagonist", warlord: "antagonist", "mob boss": "antagonist", "crime boss": "antagonist", "cattle baron": "antagonist", baron: "antagonist",
  tycoon: "antagonist", monster: "antagonist", vampire: "antagonist", assassin: "antagonist",
  friend: "ally", partner: "ally", deputy: "ally", brother: "ally", sister: "ally", sidekick: "ally", apprentice: "ally", squire: "ally",
  mentor: "mentor", teacher: "mentor", professor: "mentor", wizard: "mentor", elder: "mentor", grandmother: "mentor", grandfather: "mentor",
  lover: "love-interest",
};

export const TRAITS = new Set(
  (
    "stubborn quiet nervous anxious ruthless cruel brave bold reckless clever cunning kind gentle warm cold calm grumpy gruff cheerful " +
    "optimistic cynical tired weary retired proud humble shy loud brash charming smooth smug greedy loyal treacherous mysterious secretive " +
    "wise foolish naive curious stoic grim witty sarcastic funny dry earnest eager ambitious lonely haunted broken bitter hopeful fierce " +
    "tough hardened wild restless lazy meticulous paranoid brilliant clumsy hapless awkward elegant polite pompous relentless patient " +
    "impatient sharp quick determined defiant desperate grieving jaded idealistic romantic practical superstitious disgraced legendary " +
    "infamous notorious young old elderly aging veteran rookie former exiled blind deaf sick dying guarded sweet sour feisty " +
    "laconic taciturn weathered cocky timid fearless unsettling menacing sinister charismatic corrupt honest crooked"
  ).split(" "),
);

export const COLOR_WORDS: Record<string, string> = {
  grey: "#9a9a9a", gray: "#9a9a9a", silver: "#c0c0c8", white: "#e8e6e0", black: "#1b1b1d", dark: "#2b2118", brown: "#5a3a22", chestnut: "#6b3b1f",
  blonde: "#d8b45a", blond: "#d8b45a", golden: "#d4a83a", fair: "#e0c68a", red: "#a3341c", ginger: "#b5521b", auburn: "#8a3b1e", copper: "#b0602a",
  blue: "#3a6ea5", pink: "#e07aa6", green: "#3f8f4f", purple: "#6a3d9a", crimson: "#a01a2a", navy: "#1f2a44", yellow: "#d9b630", orange: "#d9772b",
  teal: "#2a8c8c", tan: "#c2a278", khaki: "#a89f68", olive: "#6b6b3a", scarlet: "#c0201a", violet: "#7a4fb0", magenta: "#c2187a", cyan: "#3fc8d8",
};

export const HAIR_WORDS = "hair|haired|braid|braids|braided|curls|curly|ponytail|bun|bob|mohawk|locks|mane|dreadlocks|buzz cut|crew cut";

export const WARDROBE_WORDS = (
  "duster|trench coat|trenchcoat|leather jacket|jacket|suit|tuxedo|dress|gown|hoodie|armor|armour|robe|robes|uniform|cloak|overalls|lab coat|" +
  "vest|poncho|kimono|scarf|boots|raincoat|rain coat|overcoat|anorak|windbreaker|coat|sweater|cardigan|apron|flight suit|spacesuit|cape|tunic|corset|waistcoat|bandana|sari|jumpsuit|parka|" +
  "stetson|cowboy hat|fedora|cap|baseball cap|hood|helmet|crown|beanie|top hat|bowler hat|hat|veil|goggles"
).split("|");

export const PLACE_WORDS: [RegExp, { noun: string; kind: import("./types").LocationKind; interior: boolean }][] = [
  [/\bsaloon\b/, { noun: "the saloon", kind: "bar", interior: true }],
  [/\b(bar|pub|tavern|diner|cafe|café|restaurant|club|nightclub|inn|casino)\b/, { noun: "the $1", kind: "bar", interior: true }],
  [/\b(desert|dunes|badlands|wasteland)\b/, { noun: "the $1", kind: "desert", interior: false }],
  [/\b(canyon|mesa|mountains?|cliffs?|peak|pass)\b/, { noun: "the $1", kind: "mountain", interior: false }],
  [/\b(prairie|plains|fields?|meadow|farm|ranch)\b/, { noun: "the $1", kind: "field", interior: false }],
  [/\b(forest|woods|jungle)\b/, { noun: "the $1", kind: "forest", interior: false }],
  [/\b(lighthouse)\b/, { noun: "the $1", kind: "beach", interior: false }],
  [/\b((?:rocky )?(?:beach|shore|coast))\b/, { noun: "the $1", kind: "beach", interior: false }],
  [/\b(sea|ocean|boat|ship deck|harbou?r|docks?)\b/, { noun: "the $1", kind: "sea", interior: false }],
  [/\b(bridge)\b/, { noun: "the $1", kind: "river", interior: false }],
  [/\b(river|creek|lake|waterfall)\b/, { noun: "the $1", kind: "river", interior: false }],
  [/\b(village|town|main street)\b/, { noun: "the $1", kind: "village", interior: false }],
  [/\b(city|streets?|downtown|avenue)\b/, { noun: "the $1", kind: "city-street", interior: false }],
  [/\b(alley|alleyway)\b/, { noun: "the $1", kind: "neon-alley", interior: false }],
  [/\b(rooftops?|roof)\b/, { noun: "the $1", kind: "rooftop", interior: false }],
  [/\b(market|bazaar)\b/, { noun: "the $1", kind: "market", interior: false }],
  [/\b(ruins|temple|tomb)\b/, { noun: "the $1", kind: "ruins", interior: false }],
  [/\b(snow|tundra|arctic|glacier|ice field)\b/, { noun: "the frozen plain", kind: "snowfield", interior: false }],
  [/\b(road|highway|trail)\b/, { noun: "the $1", kind: "road", interior: false }],
  [/\b(house|home|mansion|manor|cabin|homestead|farmhouse|cottage)\b/, { noun: "the $1", kind: "house", interior: true }],
  [/\b(apartment|bedroom|kitchen|hotel room|motel|cell|jail|attic|basement|classroom)\b/, { noun: "the $1", kind: "room", interior: true }],
  [/\b(office|bank|precinct|police station|courthouse)\b/, { noun: "the $1", kind: "office", interior: true }],
  [/\b(lab|laboratory|hospital|clinic)\b/, { noun: "the $1", kind: "lab", interior: true }],
  [/\b(warehouse|factory|vault|garage|hangar|mine)\b/, { noun: "the $1", kind: "warehouse", interior: true }],
  [/\b(church|chapel|cathedral|graveyard|cemetery)\b/, { noun: "the $1", kind: "church", interior: false }],
  [/\b(castle|palace|fortress|keep)\b/, { noun: "the $1", kind: "castle", interior: true }],
  [/\b(cave|cavern|tunnel|cellar)\b/, { noun: "the $1", kind: "cave", interior: true }],
  [/\b((?:train |bus |rail )?(?:station|depot|platform))\b/, { noun: "the $1", kind: "station", interior: false }],
  [/\b(train|railroad|railway|subway)\b(?! (?:station|depot|platform))/, { noun: "the $1", kind: "train", interior: true }],
  [/\b(spaceship|starship|space station|ship's bridge|shuttle)\b/, { noun: "the $1", kind: "spaceship", interior: true }],
  [/\b(outer space|orbit|asteroid field|deep space)\b/, { noun: "$1", kind: "space", interior: false }],
];
