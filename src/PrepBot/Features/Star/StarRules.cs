namespace PrepBot.Features.Star;

/// <summary>
/// Every rule and threshold <see cref="StarAnalyzer"/> judges a STAR answer by, in one place (README, "STAR drills and your
/// story bank", explains them to learners). Costs are points taken off a part's score (0–100) or, for whole-answer rules,
/// off the overall score.
/// </summary>
public static class StarRules
{
    /// <summary>Spoken pace used to estimate how long the answer takes to say.</summary>
    public const int WordsPerMinute = 140;

    /// <summary>Shortest comfortable spoken answer (1.5 minutes).</summary>
    public const int MinSpokenSeconds = 90;

    /// <summary>Longest comfortable spoken answer (3 minutes).</summary>
    public const int MaxSpokenSeconds = 180;

    /// <summary>Target share of the answer's words per part: S 15%, T 10%, A 60%, R 15%.</summary>
    public static double TargetShare(StarPart part) => part switch
    {
        StarPart.Situation => 0.15,
        StarPart.Task => 0.10,
        StarPart.Action => 0.60,
        _ => 0.15,
    };

    /// <summary>A part with fewer words than this is "too thin" (when not empty).</summary>
    public static int MinWords(StarPart part) => part switch
    {
        StarPart.Situation => 15,
        StarPart.Task => 10,
        StarPart.Action => 50,
        _ => 15,
    };

    /// <summary>How much each part weighs in the overall score.</summary>
    public static double Weight(StarPart part) => part switch
    {
        StarPart.Situation => 0.15,
        StarPart.Task => 0.10,
        StarPart.Action => 0.45,
        _ => 0.30,
    };

    /// <summary>Situation, Task or Result taking more than its target share plus this is flagged as too long.</summary>
    public const double BalanceTolerance = 0.10;

    /// <summary>Action taking less than its target share minus this is flagged as too short for the answer.</summary>
    public const double ActionShortfall = 0.15;

    /// <summary>Balance is only judged once the answer has at least this many words (shorter answers get "too thin").</summary>
    public const int MinWordsForBalance = 60;

    /// <summary>Filler and hedging: flagged from this many occurrences in the whole answer.</summary>
    public const int FillerThreshold = 3;

    /// <summary>Points per filler or hedge word once flagged, up to <see cref="MaxFillerCost"/>.</summary>
    public const int FillerCostEach = 3;

    public const int MaxFillerCost = 15;

    /// <summary>Share of the card's keywords (competencies and "what good looks like") the answer should touch.</summary>
    public const double KeywordTarget = 0.4;

    /// <summary>Keywords taken from the Action bullet of the card's "What good looks like".</summary>
    public const int KeywordsFromCard = 10;

    /// <summary>Cost of falling short of <see cref="KeywordTarget"/> with no keyword at all; less when some are covered.</summary>
    public const int MaxKeywordCost = 15;

    public const int ThinCost = 35;
    public const int BalanceCost = 20;
    public const int WeOnlyCost = 30;
    public const int MoreWeThanICost = 15;
    public const int UnquantifiedResultCost = 40;
    public const int HypotheticalCost = 30;
    public const int NoPastTenseCost = 15;
    public const int LengthCost = 15;

    /// <summary>Action needs at least this many words before "no past-tense verb" is judged.</summary>
    public const int MinWordsForTense = 20;

    /// <summary>How many of the costliest findings are offered as "change these first".</summary>
    public const int TopChanges = 3;

    /// <summary>A quoted fragment of the learner's words is cut to this many characters.</summary>
    public const int QuoteLength = 90;

    /// <summary>Overall score → SM-2 quality: at least 90 Easy (5), 80 Good (4), 65 Hard (3), 40 (2, a lapse), else Again (1).</summary>
    public static int Quality(int overall) => overall switch
    {
        >= 90 => 5,
        >= 80 => 4,
        >= 65 => 3,
        >= 40 => 2,
        _ => 1,
    };

    /// <summary>Words that claim the work as the speaker's own.</summary>
    public static readonly IReadOnlySet<string> FirstPersonSingular = new HashSet<string>(StringComparer.Ordinal)
    {
        "i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine",
    };

    /// <summary>Words that hide who did the work.</summary>
    public static readonly IReadOnlySet<string> FirstPersonPlural = new HashSet<string>(StringComparer.Ordinal)
    {
        "we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves",
    };

    /// <summary>Filler and hedging (single words and phrases, lowercase).</summary>
    public static readonly IReadOnlyList<string> Fillers =
    [
        "basically", "actually", "literally", "just", "really", "kind of", "sort of", "you know", "i mean", "i guess",
        "i think", "i believe", "i feel like", "maybe", "perhaps", "probably", "possibly", "somewhat", "hopefully",
        "a bit", "stuff", "um", "uh", "etc",
    ];

    /// <summary>Phrases that describe what one would do or usually does, not what happened.</summary>
    public static readonly IReadOnlyList<string> Hypothetical =
    [
        "i would", "i'd", "i will", "i'll", "we would", "we will", "i usually", "i always", "i normally", "i typically",
        "i tend to", "i try to", "i generally", "i would have", "you would", "you should", "one should",
    ];

    /// <summary>Common irregular past-tense verbs (regular ones end in -ed).</summary>
    public static readonly IReadOnlySet<string> IrregularPast = new HashSet<string>(StringComparer.Ordinal)
    {
        "was", "were", "had", "did", "made", "took", "went", "got", "built", "wrote", "led", "ran", "told", "said",
        "found", "gave", "saw", "knew", "thought", "brought", "began", "chose", "fell", "felt", "kept", "left", "lost",
        "met", "paid", "put", "set", "sent", "spent", "stood", "taught", "understood", "won", "became", "came", "caught",
        "rebuilt", "rewrote", "sat", "spoke", "held", "split", "cut", "shut", "drew", "dug", "fought", "hid", "meant",
        "sold", "shipped", "broke", "forgot", "grew", "heard", "let", "overcame", "rode", "shook",
    };

    /// <summary>Words that make a Result measurable besides digits: number words, and units of time, money and size.</summary>
    public static readonly IReadOnlySet<string> QuantityWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
        "half", "halved", "double", "doubled", "tripled", "twice", "percent", "dozen", "zero", "none",
    };

    /// <summary>What each competency named in the deck looks like in an answer (stems: "priorit" matches "prioritised").</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> CompetencySignals = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["adaptability"] = ["adapt", "pivot", "rework", "flexib", "re-plan", "changed course", "changed the plan"],
        ["ambiguity"] = ["unclear", "vague", "assum", "clarif", "question", "defin"],
        ["collaboration"] = ["together", "pair", "partner", "helped", "colleague", "jointly"],
        ["communication"] = ["explain", "wrote", "present", "shared", "update", "listen", "document", "told", "meeting"],
        ["conflict"] = ["disagree", "conflict", "tension", "compromis", "resolv", "objection"],
        ["customer-focus"] = ["customer", "user", "stakeholder", "needs", "feedback"],
        ["data-driven"] = ["data", "metric", "measur", "analys", "query", "dashboard", "evidence"],
        ["decisiveness"] = ["commit", "revers", "incomplete", "went ahead", "made the call", "without waiting", "enough information"],
        ["empathy"] = ["empath", "perspective", "point of view", "frustrat", "concern", "their shoes", "under pressure"],
        ["failure"] = ["mistake", "fail", "wrong", "lesson", "postmortem", "post-mortem"],
        ["feedback"] = ["feedback", "criticis", "listen", "adjust", "changed"],
        ["improvement"] = ["improv", "automat", "reduc", "faster", "process"],
        ["incident-response"] = ["incident", "outage", "alert", "on-call", "rollback", "root cause", "postmortem"],
        ["influence"] = ["convinc", "persuad", "propos", "buy-in", "agreed", "stakeholder", "evidence"],
        ["initiative"] = ["initiative", "proactiv", "volunteer", "self-directed", "on my own", "without being asked", "nobody asked"],
        ["judgement"] = ["decid", "trade-off", "tradeoff", "weigh", "risk", "chose"],
        ["leadership"] = ["led", "organis", "organiz", "coordinat", "delegat", "guided", "vision"],
        ["learning"] = ["learn", "studied", "practis", "practic", "course", "documentation", "tutorial"],
        ["mentoring"] = ["mentor", "coach", "taught", "pair", "review"],
        ["motivation"] = ["motivat", "enjoy", "curio", "excit", "fascinat", "interest", "drawn to", "love"],
        ["ownership"] = ["owned", "responsib", "volunteer", "followed up", "fixed", "took"],
        ["pragmatism"] = ["good enough", "simpl", "trade-off", "shipped", "scope", "deadline"],
        ["prioritisation"] = ["priorit", "deadline", "urgent", "impact", "dropped", "deferred"],
        ["problem-solving"] = ["debug", "hypothes", "reproduc", "isolat", "narrow", "bisect", "root cause", "stack trace"],
        ["quality"] = ["test", "check", "validat", "duplicat", "reconcil", "null", "accura", "edge case"],
        ["resilience"] = ["setback", "persever", "persist", "recover", "kept going", "bounced back", "tried again", "second attempt"],
        ["self-awareness"] = ["strength", "weakness", "reali", "aware", "admit", "honest", "blind spot", "working on"],
        ["simplification"] = ["simplif", "removed", "reduc", "simpler", "consolidat"],
        ["time-management"] = ["schedul", "calendar", "routine", "timebox", "time-box", "before work", "plan", "hours a week"],
        ["transferable-skills"] = ["previous", "former", "background", "career", "transferab", "carried over", "old job", "before data"],
    };

    /// <summary>Words never used as keywords from a card (too common, or about the answer's form rather than its content).</summary>
    public static readonly IReadOnlySet<string> NotKeywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "about", "after", "again", "against", "before", "being", "between", "could", "their", "there", "these", "they",
        "those", "through", "under", "until", "where", "which", "while", "would", "should", "other", "every", "first",
        "instead", "rather", "still", "something", "someone", "example", "candidate", "situation", "action", "result",
        "reflection", "ownership", "answer", "people", "person", "often", "without", "within", "whether", "what", "when",
        "with", "from", "into", "only", "then", "than", "that", "this", "them", "have", "were", "will", "your", "more",
        "most", "also", "each", "such", "both", "because", "things", "thing", "doing", "really", "using", "whose",
    };
}
