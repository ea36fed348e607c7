using System.Globalization;

namespace PrepBot.Features.Star;

/// <summary>Which rule of <see cref="StarRules"/> a finding comes from.</summary>
public enum StarRule
{
    Missing,
    Thin,
    Balance,
    Ownership,
    Quantified,
    PastTense,
    Filler,
    Length,
    Keywords,
}

/// <summary>One thing the analysis noticed: what and where, the change that would help, and what it cost.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Part">The part it is in, or null for the whole answer (length, filler, keywords).</param>
/// <param name="Message">What was found, quoting the learner where it can.</param>
/// <param name="Advice">The change that would help, quoting the learner's own words.</param>
/// <param name="Cost">Points it took off (the part's score, or the overall score when <paramref name="Part"/> is null).</param>
public sealed record StarFinding(StarRule Rule, StarPart? Part, string Message, string Advice, int Cost)
{
    /// <summary>Points of the overall score it cost: <see cref="Cost"/> times the part's weight, or all of it for the whole answer.</summary>
    public double Impact => Part is { } part ? Cost * StarRules.Weight(part) : Cost;
}

/// <summary>The judgement of one STAR answer.</summary>
public sealed record StarAnalysis(
    IReadOnlyDictionary<StarPart, int> PartScores,
    int Overall,
    IReadOnlyList<StarFinding> Findings,
    int Words,
    TimeSpan Spoken,
    IReadOnlyList<string> KeywordsCovered,
    IReadOnlyList<string> KeywordsMissed)
{
    /// <summary>The findings that cost the overall score most (<see cref="StarFinding.Impact"/>): the changes that would help most.</summary>
    public IReadOnlyList<StarFinding> TopChanges =>
        [.. Findings.Where(f => f.Cost > 0)
            .OrderByDescending(f => f.Impact)
            .ThenBy(f => f.Rule)
            .ThenBy(f => f.Part)
            .Take(StarRules.TopChanges)];

    /// <summary>The SM-2 quality (1–5) the overall score grades the card with.</summary>
    public int Quality => StarRules.Quality(Overall);

    public bool Has(StarRule rule, StarPart? part = null) => Findings.Any(f => f.Rule == rule && (part is null || f.Part == part));
}

/// <summary>
/// Judges a STAR answer by transparent rules (<see cref="StarRules"/>), with no outside service: empty or thin parts,
/// balance, ownership in the Action, a measured Result, past tense, filler and hedging, spoken length, and the card's
/// competencies and keywords. Pure and deterministic: the same answer and rubric always give the same analysis.
/// </summary>
public static class StarAnalyzer
{
    public static StarAnalysis Analyze(StarAnswer answer, StarRubric rubric)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(rubric);
        var findings = new List<StarFinding>();
        var words = StarAnswer.Parts.ToDictionary(part => part, part => StarText.Words(answer.Text(part)));
        var total = words.Values.Sum(w => w.Count);

        foreach (var part in StarAnswer.Parts)
        {
            CheckPresence(part, answer.Text(part), words[part].Count, findings);
        }

        CheckBalance(words, total, findings);
        CheckOwnership(answer.Action, words[StarPart.Action], findings);
        CheckQuantified(answer.Result, words[StarPart.Result], findings);
        CheckTense(answer, words, findings);
        CheckFiller(answer, total, findings);
        var spoken = TimeSpan.FromSeconds(Math.Round(total * 60.0 / StarRules.WordsPerMinute));
        CheckLength(total, spoken, findings);
        var (covered, missed) = CheckKeywords(answer, words, rubric, findings);

        var partScores = StarAnswer.Parts.ToDictionary(
            part => part,
            part => words[part].Count == 0 ? 0 : Math.Clamp(100 - findings.Where(f => f.Part == part).Sum(f => f.Cost), 0, 100));
        var weighted = StarAnswer.Parts.Sum(part => partScores[part] * StarRules.Weight(part));
        var overall = (int)Math.Clamp(Math.Round(weighted) - findings.Where(f => f.Part is null).Sum(f => f.Cost), 0, 100);
        return new StarAnalysis(partScores, overall, findings, total, spoken, covered, missed);
    }

    private static void CheckPresence(StarPart part, string text, int count, List<StarFinding> findings)
    {
        var name = Name(part);
        if (count == 0)
        {
            findings.Add(new StarFinding(StarRule.Missing, part, $"{name} is empty.", $"Write a {name}: {Purpose(part)}", 100));
        }
        else if (count < StarRules.MinWords(part))
        {
            findings.Add(new StarFinding(
                StarRule.Thin,
                part,
                Invariant($"{name} is thin: {count} words (at least {StarRules.MinWords(part)} expected)."),
                $"Expand {name} {StarText.Quote(text, 0)}: {Purpose(part)}",
                StarRules.ThinCost));
        }
    }

    private static void CheckBalance(Dictionary<StarPart, IReadOnlyList<(string Word, int Index)>> words, int total, List<StarFinding> findings)
    {
        if (total < StarRules.MinWordsForBalance || words.Values.Any(w => w.Count == 0))
        {
            return;
        }

        foreach (var part in StarAnswer.Parts)
        {
            var share = words[part].Count / (double)total;
            var target = StarRules.TargetShare(part);
            var message = Invariant($"{Name(part)} is {share * 100:0}% of your answer (aim for about {target * 100:0}%).");
            if (part == StarPart.Action && share < target - StarRules.ActionShortfall)
            {
                findings.Add(new StarFinding(StarRule.Balance, part, message,
                    "Give the Action most of your time: the steps you took, in order, and why — cut back the set-up to make room.", StarRules.BalanceCost));
            }
            else if (part != StarPart.Action && share > target + StarRules.BalanceTolerance)
            {
                findings.Add(new StarFinding(StarRule.Balance, part, message,
                    Invariant($"Shorten {Name(part)} to two or three sentences; spend the words on what you did."), StarRules.BalanceCost));
            }
        }
    }

    private static void CheckOwnership(string action, IReadOnlyList<(string Word, int Index)> words, List<StarFinding> findings)
    {
        if (words.Count == 0)
        {
            return;
        }

        var mine = words.Count(w => StarRules.FirstPersonSingular.Contains(w.Word));
        var ours = words.Where(w => StarRules.FirstPersonPlural.Contains(w.Word)).ToList();
        if (ours.Count == 0 || mine >= ours.Count)
        {
            return;
        }

        var quote = StarText.Quote(action, ours[0].Index);
        findings.Add(mine == 0
            ? new StarFinding(StarRule.Ownership, StarPart.Action,
                Invariant($"Action says \"we\" {ours.Count} times and never \"I\": the interviewer cannot tell what you did."),
                $"Say what you did yourself: turn {quote} into \"I …\" and name others' parts separately.", StarRules.WeOnlyCost)
            : new StarFinding(StarRule.Ownership, StarPart.Action,
                Invariant($"Action says \"we\" {ours.Count} times and \"I\" {mine} times."),
                $"Make your own part clear: where you did it, say \"I\" — e.g. {quote}.", StarRules.MoreWeThanICost));
    }

    private static void CheckQuantified(string result, IReadOnlyList<(string Word, int Index)> words, List<StarFinding> findings)
    {
        if (words.Count == 0 || StarText.HasDigit(result) || words.Any(w => StarRules.QuantityWords.Contains(w.Word)))
        {
            return;
        }

        findings.Add(new StarFinding(StarRule.Quantified, StarPart.Result,
            "Result has no number: no count, percentage, time, or money saved.",
            $"Put a number on {StarText.Quote(result, 0)}: how much faster, how many users, hours or money saved.",
            StarRules.UnquantifiedResultCost));
    }

    private static void CheckTense(StarAnswer answer, Dictionary<StarPart, IReadOnlyList<(string Word, int Index)>> words, List<StarFinding> findings)
    {
        foreach (var part in StarAnswer.Parts)
        {
            var text = answer.Text(part);
            var hits = StarRules.Hypothetical
                .SelectMany(phrase => StarText.Find(text, phrase).Select(index => (Phrase: phrase, Index: index)))
                .OrderBy(hit => hit.Index)
                .ToList();
            if (hits.Count > 0)
            {
                findings.Add(new StarFinding(StarRule.PastTense, part,
                    $"{Name(part)} says what you would or usually do (\"{hits[0].Phrase}\"), not what happened.",
                    $"Tell it as one real time, in the past tense: rewrite {StarText.Quote(text, hits[0].Index)} as what you did.",
                    StarRules.HypotheticalCost));
            }
        }

        var action = words[StarPart.Action];
        if (action.Count >= StarRules.MinWordsForTense && !findings.Any(f => f.Rule == StarRule.PastTense && f.Part == StarPart.Action)
            && !action.Any(w => IsPast(w.Word)))
        {
            findings.Add(new StarFinding(StarRule.PastTense, StarPart.Action,
                "Action has no past-tense verb: it reads as a description, not a story.",
                $"Tell the Action as steps you took (\"I checked…\", \"I proposed…\"), starting from {StarText.Quote(answer.Action, 0)}.",
                StarRules.NoPastTenseCost));
        }
    }

    private static bool IsPast(string word) =>
        StarRules.IrregularPast.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && word.All(char.IsLetter));

    private static void CheckFiller(StarAnswer answer, int total, List<StarFinding> findings)
    {
        var hits = new List<(string Phrase, StarPart Part, int Index)>();
        foreach (var part in StarAnswer.Parts)
        {
            var text = answer.Text(part);
            foreach (var phrase in StarRules.Fillers)
            {
                hits.AddRange(StarText.Find(text, phrase).Select(index => (phrase, part, index)));
            }
        }

        if (hits.Count < StarRules.FillerThreshold)
        {
            return;
        }

        var ordered = hits.OrderBy(h => h.Part).ThenBy(h => h.Index).ToList();
        var distinct = ordered.Select(h => "\"" + h.Phrase + "\"").Distinct(StringComparer.Ordinal).Take(5);
        var first = ordered[0];
        findings.Add(new StarFinding(StarRule.Filler, null,
            Invariant($"{hits.Count} filler or hedging words in {total} ({string.Join(", ", distinct)})."),
            $"Cut the filler and hedges — say it plainly: {StarText.Quote(answer.Text(first.Part), first.Index)} works without \"{first.Phrase}\".",
            Math.Min(StarRules.MaxFillerCost, hits.Count * StarRules.FillerCostEach)));
    }

    private static void CheckLength(int total, TimeSpan spoken, List<StarFinding> findings)
    {
        if (total == 0)
        {
            return;
        }

        var said = Invariant($"about {Duration(spoken)} spoken ({total} words at {StarRules.WordsPerMinute} a minute)");
        if (spoken.TotalSeconds < StarRules.MinSpokenSeconds)
        {
            findings.Add(new StarFinding(StarRule.Length, null, $"Short: {said}; aim for 1.5–3 minutes.",
                "Add detail where it counts: the steps of your Action and the measured Result.", StarRules.LengthCost));
        }
        else if (spoken.TotalSeconds > StarRules.MaxSpokenSeconds)
        {
            findings.Add(new StarFinding(StarRule.Length, null, $"Long: {said}; aim for 1.5–3 minutes.",
                "Cut to the essentials: one sentence of background, your three or four key steps, and the result.", StarRules.LengthCost));
        }
    }

    private static (IReadOnlyList<string> Covered, IReadOnlyList<string> Missed) CheckKeywords(
        StarAnswer answer, Dictionary<StarPart, IReadOnlyList<(string Word, int Index)>> words, StarRubric rubric, List<StarFinding> findings)
    {
        var text = string.Join('\n', StarAnswer.Parts.Select(answer.Text)) + "\n" + (answer.Learned ?? string.Empty);
        var all = StarText.Words(text);
        if (all.Count == 0 || words.Values.All(w => w.Count == 0))
        {
            return ([], []);
        }

        var covered = new List<string>();
        var missed = new List<string>();
        foreach (var competency in rubric.Competencies)
        {
            var signals = StarRules.CompetencySignals.TryGetValue(competency, out var known) ? known : competency.Split('-');
            (signals.Any(signal => StarText.Mentions(text, all, signal)) ? covered : missed).Add(competency);
        }

        foreach (var keyword in rubric.Keywords)
        {
            (StarText.Mentions(text, all, keyword) ? covered : missed).Add(keyword);
        }

        var expected = covered.Count + missed.Count;
        if (expected == 0)
        {
            return (covered, missed);
        }

        var coverage = covered.Count / (double)expected;
        if (coverage < StarRules.KeywordTarget)
        {
            var cost = (int)Math.Round(StarRules.MaxKeywordCost * (StarRules.KeywordTarget - coverage) / StarRules.KeywordTarget);
            var examples = string.Join(", ", missed.Take(5).Select(k => "\"" + k + "\""));
            findings.Add(new StarFinding(StarRule.Keywords, null,
                Invariant($"Your answer touches {covered.Count} of the {expected} things this question looks for; missing: {examples}."),
                $"Show what the question is about: bring in {examples} where they were true of your story.",
                Math.Max(cost, 1)));
        }

        return (covered, missed);
    }

    private static string Purpose(StarPart part) => part switch
    {
        StarPart.Situation => "where you were, what was going on and why it mattered (two or three sentences).",
        StarPart.Task => "what you personally had to achieve, and the constraints.",
        StarPart.Action => "the steps you took yourself, in order, and why you chose them.",
        _ => "what happened in the end, with numbers (time, money, users, errors), and what it changed.",
    };

    public static string Name(StarPart part) => part.ToString();

    public static string Duration(TimeSpan span) =>
        span.TotalSeconds < 60
            ? Invariant($"{(int)span.TotalSeconds} s")
            : Invariant($"{(int)span.TotalMinutes} min {span.Seconds} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
