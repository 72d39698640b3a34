"""The corpus generator's built-in vocabulary: words, names, genres and non-ASCII artists.

Words come roughly most song-like first; the planner draws them with Zipf-like weights by
position, so a few words are common and most are rare, as in a real library, which gives search
benchmarks a realistic spread of prefix selectivity. Edit with care: changing a list changes
every generated corpus (the tests only need it to stay deterministic, not fixed forever).
"""

# ruff: noqa: SIM905 - whitespace-separated word lists are far easier to read and edit here

from __future__ import annotations

WORDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        """
    love night heart time day light life world dream fire blue home song dance rain sun
    way girl boy baby soul moon star road river sky eyes down blood wild lost cold gold
    sweet black summer water king queen city golden devil angel ghost heaven hell shadow
    morning evening midnight forever never again alone together young old new last first
    little big high low long slow fast free true wrong right good bad better best beautiful
    broken crazy lonely happy sad empty open secret silent electric magic lucky holy
    burning falling running dancing dreaming flying shining crying waiting calling leaving
    coming going rolling rising turning walking talking breaking bleeding fading singing
    ocean mountain valley desert forest garden island harbor shore wave tide storm thunder
    lightning wind snow winter autumn spring season weather cloud fog mist dust stone glass
    silver diamond crystal iron steel velvet silk paper smoke ashes flame spark ember candle
    mirror window door wall house room bed street avenue highway bridge train station
    airport motel hotel bar cafe diner club radio television telephone letter postcard
    photograph picture memory story secret promise lie truth reason answer question word
    name voice sound noise echo silence music rhythm melody harmony chord note beat groove
    drum guitar piano violin trumpet saxophone bass organ bell whistle choir symphony
    ballad anthem hymn lullaby serenade blues waltz tango boogie swing funk soul disco
    rock roll jazz country gospel opera overture prelude interlude finale coda reprise
    man woman child mother father brother sister friend lover stranger neighbor soldier
    sailor cowboy rebel outlaw prophet preacher saint sinner hero villain fool clown
    ghost vampire witch wizard dragon tiger lion wolf fox bear horse dog cat bird eagle
    raven crow dove sparrow butterfly snake spider shark whale dolphin monkey rabbit
    rose lily daisy violet orchid tulip jasmine magnolia cherry apple orange lemon honey
    sugar candy chocolate coffee whiskey wine champagne tequila gin beer milk bread salt
    red green yellow purple pink white grey brown scarlet crimson indigo amber emerald
    north south east west left center edge corner circle line square point space zero
    one two three four five six seven eight nine ten hundred thousand million
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december yesterday tomorrow
    today tonight always sometimes maybe someday somewhere nowhere everywhere anywhere
    here there inside outside under over above below between beyond behind across around
    through without within against toward after before until since while during
    feel feeling touch kiss hold hug call cry laugh smile scream whisper shout sing play
    run walk fly fall rise shine burn freeze melt bleed heal fight win lose hide seek
    find keep take give bring send carry follow lead chase catch throw push pull break
    build shake move stay go come leave return remember forget believe wonder know learn
    want need hope wish pray wait watch listen hear see look show tell speak say ask
    paradise wonderland kingdom empire nation republic village town country planet
    universe galaxy comet meteor rocket satellite orbit gravity horizon sunrise sunset
    twilight dawn dusk daylight moonlight starlight spotlight headlight neon laser
    machine engine motor wheel gear circuit signal wire cable battery power energy
    future past present history legend myth fable tale chapter verse page book poem
    revolution evolution revelation salvation temptation desire passion emotion devotion
    obsession confession destination celebration imagination inspiration vibration
    freedom wisdom kingdom boredom random phantom fantom sorrow pleasure treasure pressure
    danger anger hunger fever shiver river silver quiver clever forever whatever
    paris london berlin tokyo rome madrid lisbon vienna prague moscow cairo havana memphis
    chicago detroit brooklyn harlem california texas georgia carolina tennessee alabama
    mississippi louisiana nevada arizona montana dakota alaska hawaii florida virginia
    mexico brazil jamaica africa asia europe america india china japan ireland scotland
    jungle safari voyage journey adventure odyssey expedition escape exile refuge shelter
    fortress castle palace tower temple church chapel cathedral monastery cemetery
    battle war peace army hunter killer lover dreamer believer dancer singer drummer
    player runner driver rider stranger traveler wanderer loner ranger keeper sleeper
    boulevard alley parade carnival circus festival fair party ball feast wedding funeral
    birthday holiday vacation weekend moment second minute hour week month year decade
    century lifetime eternity infinity destiny fortune chance luck fate karma spirit
    cosmic atomic electric elastic plastic fantastic dramatic magnetic hypnotic exotic
    erotic chaotic neurotic psychotic tropical radical classical mystical physical
    velvet satin leather denim cotton lace feather diamond pearl ruby sapphire jade opal
    ivory ebony marble granite copper bronze chrome platinum mercury cobalt uranium
    sugar spice vanilla cinnamon pepper ginger mint basil lavender saffron
    kid kids boys girls men women people lovers friends brothers sisters children angels
    stars lights dreams hearts eyes hands feet lips tears bones wings waves roads rivers
    days nights years times ways words songs games rules lies secrets ghosts shadows
    heartbeat heartache heartbreak daydream nightmare sunshine moonshine rainbow raindrop
    snowflake firework fireball firefly butterfly dragonfly wildfire bonfire campfire
    downtown uptown midtown hometown crosstown underground overground background
    backstreet sidewalk crossroads railroad highway freeway runway skyway gateway
    somebody nobody everybody anybody someone no one everyone anyone something nothing
    everything anything stay awake asleep alive dead gone home away back out up
    wonderful terrible horrible incredible impossible invisible irresistible unbreakable
    unstoppable untouchable unforgettable unbelievable undeniable
    corazón mañana noche sueño amor vida fuego alma luna cielo fiesta señorita
    amour été fête rêve cœur soleil étoile lumière café déjà vu chanson
    über schön träume nacht licht welt herz sehnsucht
    søvn ljós hjarta sól dagur nótt
    звезда ночь солнце кино любовь город
    夢 花 空 海 愛 雨 光 夜 風 星
    """.split()
    )
)
"""Title and name words, most frequent first (duplicates in the text above count once)."""

SMALL_WORDS = frozenset({"of", "the", "in", "on", "and", "a", "to", "for", "at", "by", "with"})
"""Words kept lower case inside a title."""

CONNECTORS: tuple[str, ...] = ("of", "the", "in", "on", "and", "to", "for", "with", "at", "by")
"""Small words the planner slips between vocabulary words."""

FIRST_NAMES: tuple[str, ...] = tuple(
    """
    John Paul George Mary Anna James David Sarah Michael Laura Robert Emma Peter Lucy
    Thomas Grace William Alice Daniel Ruby Samuel Nina Henry Clara Oscar Ella Jack Ivy
    Marcus Nora Leon Hannah Felix Iris Hugo Mia Victor Rosa Elliot Stella Max Vera
    José Zoë Søren Łukasz Anaïs Renée François Jürgen Åsa Björn Ciarán Dvořák Ingrið
    Chloé Inés Miloš Željko Ayşe Håkon Noémie Thiago Maëlle Yusuf Kenji Akira Mei
    """.split()
)
"""Given names for solo artists, some non-ASCII."""

LAST_NAMES: tuple[str, ...] = tuple(
    """
    Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson
    Evans Walker White Roberts Green Hall Wood Jackson Clarke Carter Hughes Parker
    Cooper Morgan Bell Ward Price Gray Hunter Reed Fisher Mason Stone Woods Banks Cole
    Lane Fox Knight Marsh Rivers Moon Black Frost Wolfe Holiday Simone Mitchell Young
    Müller Schäfer Núñez Peña Gonçalves Sørensen Šimić Ødegaard Łopata Ibáñez Björnsson
    Nakamura Tanaka Yamamoto Kowalski Novák Dubois Lefèvre García Rossi Ferreira
    """.split()
)
"""Family names for solo artists, some non-ASCII."""

GENRES: tuple[str, ...] = (
    "Rock", "Pop", "Jazz", "Blues", "Electronic", "Hip-Hop", "R&B", "Soul", "Funk",
    "Country", "Folk", "Classical", "Metal", "Punk", "Indie", "Reggae", "Ambient",
    "Post-Rock", "Synthpop", "Drum & Bass", "House", "Techno", "Trip-Hop", "Gospel",
    "Latin", "Bossa Nova", "Singer-Songwriter", "Soundtrack", "World", "Experimental",
    "J-Pop", "Chanson française", "Música Popular Brasileira", "Krautrock", "Shoegaze",
)  # fmt: skip
"""Genre names; two ``/``-free multi-word ones and a few non-ASCII."""

NAMED_ARTISTS: tuple[str, ...] = (
    "Björk", "Sigur Rós", "Motörhead", "坂本龍一", "Beyoncé", "Ólafur Arnalds", "Кино",
    "Mötley Crüe", "Céline Dion", "Jóhann Jóhannsson", "Måneskin", "Héroes del Silencio",
    "múm", "Lindstrøm", "AC/DC", "Guns N' Roses", "Earth, Wind & Fire",
    "Godspeed You! Black Emperor", "Florence + the Machine", "!!!", "Sunn O)))",
    "Ночные Снайперы", "宇多田ヒカル", "Mariza", "Tinariwen",
)  # fmt: skip
"""Real artist names with non-ASCII letters or characters a file system may refuse."""

ODD_TITLES: tuple[str, ...] = (
    "What Is {w}?", "{w}: Part {n}", "{w} / {v}", '"{w}"', "<{w}>", "{w}*", "{w}|{v}",
    "{w}...", "...{w}", "{w} (Live)", "{w} (Remix)", "{w} [Demo]", "AUX", "CON",
    "Hoppípolla", "Ágætis byrjun", "Группа крови", "戦場のメリークリスマス", "Jóga",
    "Звезда по имени Солнце", "Ace of Spades", "Crazy in Love", "Ça plane pour moi",
)  # fmt: skip
"""Title templates and titles that exercise sanitizing and non-ASCII paths.

``{w}`` and ``{v}`` become words, ``{n}`` a small number.
"""

COMPILATION_ARTIST = "Various Artists"
COMPILATION_MBID = "89ad4ac3-39f7-470e-963a-56509c546377"
"""MusicBrainz's id of the special "Various Artists" artist."""

COVER_COLOURS: dict[str, str] = {
    "crimson": "0xC0392B",
    "teal": "0x16A085",
    "gold": "0xF1C40F",
    "slate": "0x34495E",
}
"""Cover swatches: name to ffmpeg colour."""
