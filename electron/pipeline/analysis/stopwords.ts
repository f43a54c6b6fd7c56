/**
 * English function words, plus the fillers and discourse words of spoken lectures.
 *
 * The core is the classic SMART/Snowball style list. Lectures add a second kind of noise: words a speaker uses
 * everywhere ("okay", "basically", "gonna", "thing") that would otherwise make every part of a lecture look alike
 * to a lexical-cohesion measure and turn up as "key phrases". Contractions are listed split the way both
 * tokenised transcripts ("don 't") and raw ones ("don't") reach the tokeniser.
 */
const functionWords = `
a about above across after afterwards again against all almost alone along already also although always am among
amongst an and another any anybody anyhow anyone anything anyway anywhere are aren around as at be became because
become becomes becoming been before beforehand behind being below beside besides between beyond both but by can
cannot could couldn did didn do does doesn doing don done down during each either else elsewhere enough etc even
ever every everybody everyone everything everywhere except few for former formerly from further furthermore had
hadn has hasn have haven having he hence her here hereafter hereby herein hers herself him himself his how however
i ie if in indeed instead into is isn it its itself just least less let like likewise may me meanwhile might mine
more moreover most mostly much must my myself namely neither never nevertheless next no nobody none noone nor not
nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
per perhaps rather same several she should shouldn since so some somebody somehow someone something sometime
sometimes somewhat somewhere still such than that the their theirs them themselves then thence there thereafter
thereby therefore therein thereupon these they this those though through throughout thru thus to together too
toward towards under unless until up upon us very via was wasn we well were weren what whatever when whence
whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole
whom whose why will with within without won would wouldn yet you your yours yourself yourselves
ll ve re s t d m isn aren ain
able according actually again ago ahead allow allows apparently appear around aside ask asking away
`;

/** Verbs and adverbs of speech and hedging that carry no topic in a lecture. */
const spokenWords = `
ok okay alright yeah yes yep no nope uh um uhm er erm ah oh hmm mm huh hey wow gonna wanna gotta kinda sorta
basically really actually literally certainly clearly simply probably maybe quite pretty rather sort kind lot lots
bit thing things stuff way ways guy guys people somebody folks today tomorrow yesterday
say says said saying tell tells told talk talking talked think thinks thought know knows knew known see sees saw
seen look looks looked looking go goes going went gone get gets got getting make makes made making take takes took
taken want wants wanted come comes came coming give gives gave given put puts use used using try trying tried
means meant need needs needed keep kept seem seems seemed show shows showed shown call called calling
right sure good great nice fine little big whatever anyway anyways first last new old many much
let lets okay thank thanks please course
`;

/**
 * Number words are kept apart. For lexical cohesion they are content: a worked example repeats its quantities, and
 * dropping them cost the physics lectures 0.03 Pk. For key phrases they are noise: "three meters" and "ten times
 * larger" are not topics.
 */
const numberWordList = `
zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
millions billion billions half twice times third fourth fifth sixth seventh eighth ninth tenth
`;

/** Verbs a lecturer uses about the lecture itself rather than its subject. */
const lectureVerbs = `
expect expected expects find finds found happen happens happened understand understood remember explain explained
start started starts wait notice noticed assume assumed demonstrate demonstrated discuss discussed write wrote
written draw drew drawn hope forget forgot equal equals
`;

function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

export const englishStopwords = wordSet(`${functionWords} ${spokenWords} ${lectureVerbs}`);
export const numberWords = wordSet(numberWordList);
