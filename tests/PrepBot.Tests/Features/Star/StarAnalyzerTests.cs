using PrepBot.Content;
using PrepBot.Features.Star;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Star;

public sealed class StarAnalyzerTests
{
    private static StarAnalysis Analyze(StarAnswer answer) => StarAnalyzer.Analyze(answer, StarExamples.Rubric);

    [Fact]
    public void Strong_answer_has_no_findings_and_grades_easy()
    {
        var analysis = Analyze(StarExamples.Strong);

        Assert.Empty(analysis.Findings);
        Assert.Empty(analysis.TopChanges);
        Assert.All(analysis.PartScores.Values, score => Assert.Equal(100, score));
        Assert.Equal(100, analysis.Overall);
        Assert.Equal(5, analysis.Quality);
        Assert.InRange(analysis.Spoken.TotalSeconds, StarRules.MinSpokenSeconds, StarRules.MaxSpokenSeconds);
        Assert.Empty(analysis.KeywordsMissed);
    }

    [Fact]
    public void Vague_answer_is_thin_everywhere_unmeasured_hedged_short_and_off_topic()
    {
        var analysis = Analyze(StarExamples.Vague);

        Assert.All(StarAnswer.Parts, part => Assert.True(analysis.Has(StarRule.Thin, part), $"{part} should be thin"));
        Assert.True(analysis.Has(StarRule.Quantified, StarPart.Result));
        var filler = Assert.Single(analysis.Findings, f => f.Rule == StarRule.Filler);
        Assert.Contains("7 filler or hedging words", filler.Message, StringComparison.Ordinal);
        Assert.Contains("\"basically\"", filler.Message, StringComparison.Ordinal);
        Assert.Contains(analysis.Findings, f => f.Rule == StarRule.Length && f.Message.StartsWith("Short", StringComparison.Ordinal));
        Assert.Contains(analysis.Findings, f => f.Rule == StarRule.Keywords && f.Message.Contains("0 of the 7", StringComparison.Ordinal));
        Assert.Equal(1, analysis.Quality);
    }

    [Fact]
    public void Vague_answer_top_change_is_to_expand_the_action_quoting_it()
    {
        var top = Analyze(StarExamples.Vague).TopChanges;

        Assert.Equal(StarRules.TopChanges, top.Count);
        Assert.Equal((StarRule.Thin, StarPart.Action), (top[0].Rule, top[0].Part));
        Assert.Contains("\"I basically just talked to people", top[0].Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void We_only_action_is_flagged_for_ownership_quoting_the_first_we_sentence()
    {
        var analysis = Analyze(StarExamples.WeOnly);

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal((StarRule.Ownership, StarPart.Action), (finding.Rule, finding.Part));
        Assert.Contains("never \"I\"", finding.Message, StringComparison.Ordinal);
        Assert.Contains("\"First we asked the other team", finding.Advice, StringComparison.Ordinal);
        Assert.Equal(100 - StarRules.WeOnlyCost, analysis.PartScores[StarPart.Action]);
        Assert.Equal(4, analysis.Quality);
    }

    [Fact]
    public void Result_without_numbers_is_flagged_quoting_the_result()
    {
        var analysis = Analyze(StarExamples.NoNumbers);

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal((StarRule.Quantified, StarPart.Result), (finding.Rule, finding.Part));
        Assert.Contains("\"The combined design shipped on time.\"", finding.Advice, StringComparison.Ordinal);
        Assert.Equal(100 - StarRules.UnquantifiedResultCost, analysis.PartScores[StarPart.Result]);
        Assert.Equal(4, analysis.Quality);
    }

    [Fact]
    public void Very_long_answer_is_flagged_with_its_spoken_length()
    {
        var analysis = Analyze(StarExamples.VeryLong);

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(StarRule.Length, finding.Rule);
        Assert.Null(finding.Part);
        Assert.StartsWith("Long: about 4 min 26 s spoken (620 words at 140 a minute)", finding.Message, StringComparison.Ordinal);
        Assert.Equal(100 - StarRules.LengthCost, analysis.Overall);
    }

    [Fact]
    public void Empty_parts_are_reported_missing_score_zero_and_are_not_judged_further()
    {
        var analysis = Analyze(StarExamples.EmptyParts);

        Assert.Equal([StarRule.Missing, StarRule.Missing], analysis.Findings.Select(f => f.Rule));
        Assert.Equal([StarPart.Task, StarPart.Result], analysis.Findings.Select(f => f.Part!.Value));
        Assert.Equal(0, analysis.PartScores[StarPart.Task]);
        Assert.Equal(0, analysis.PartScores[StarPart.Result]);
        Assert.Equal("Result is empty.", analysis.Findings[1].Message);
        Assert.Equal(2, analysis.Quality);
    }

    [Fact]
    public void Hypothetical_action_is_flagged_as_not_past_tense_quoting_it()
    {
        var analysis = Analyze(StarExamples.Hypothetical);

        var finding = Assert.Single(analysis.Findings, f => f.Rule == StarRule.PastTense);
        Assert.Equal(StarPart.Action, finding.Part);
        Assert.Contains("(\"i would\")", finding.Message, StringComparison.Ordinal);
        Assert.Contains("\"In a case like that I would ask my colleague", finding.Advice, StringComparison.Ordinal);
        Assert.Equal(3, analysis.Quality);
    }

    [Fact]
    public void Present_tense_action_without_any_past_verb_is_flagged()
    {
        var present = StarExamples.Strong with
        {
            Action = "I ask my colleague for thirty minutes in private and I listen to his reasoning. I propose criteria before options, "
                + "I build a prototype of both designs on real data, I run the heaviest queries against each, I write down the cost, "
                + "and I present the comparison to the tech lead with a proposal for a combination of both designs.",
        };

        var analysis = Analyze(present);

        var finding = Assert.Single(analysis.Findings, f => f.Rule == StarRule.PastTense);
        Assert.Equal("Action has no past-tense verb: it reads as a description, not a story.", finding.Message);
    }

    [Fact]
    public void Long_situation_and_short_action_are_flagged_for_balance_with_their_shares()
    {
        var analysis = Analyze(StarExamples.LongSituation);

        Assert.Contains(analysis.Findings, f => f is { Rule: StarRule.Balance, Part: StarPart.Situation } && f.Message == "Situation is 50% of your answer (aim for about 15%).");
        Assert.Contains(analysis.Findings, f => f is { Rule: StarRule.Balance, Part: StarPart.Action } && f.Message == "Action is 30% of your answer (aim for about 60%).");
    }

    [Fact]
    public void Filler_below_the_threshold_is_not_flagged()
    {
        var answer = StarExamples.Strong with { Task = "I basically had to reach a decision that served the project and the analysts, and maybe keep the peace." };

        Assert.False(Analyze(answer).Has(StarRule.Filler));
    }

    [Fact]
    public void Analysis_is_deterministic()
    {
        foreach (var answer in new[] { StarExamples.Strong, StarExamples.Vague, StarExamples.WeOnly, StarExamples.NoNumbers, StarExamples.VeryLong, StarExamples.EmptyParts })
        {
            var first = Analyze(answer);
            var second = Analyze(answer with { });

            Assert.Equal(first.Findings, second.Findings);
            Assert.Equal(first.PartScores, second.PartScores);
            Assert.Equal((first.Overall, first.Words, first.Spoken), (second.Overall, second.Words, second.Spoken));
            Assert.Equal(first.KeywordsCovered, second.KeywordsCovered);
        }
    }

    [Theory]
    [InlineData(100, 5)]
    [InlineData(90, 5)]
    [InlineData(89, 4)]
    [InlineData(80, 4)]
    [InlineData(65, 3)]
    [InlineData(64, 2)]
    [InlineData(40, 2)]
    [InlineData(39, 1)]
    [InlineData(0, 1)]
    public void Overall_score_maps_to_an_sm2_quality(int overall, int quality) =>
        Assert.Equal(quality, StarRules.Quality(overall));

    [Fact]
    public void Rubric_of_a_bundled_card_holds_its_competencies_and_keywords_from_what_good_looks_like()
    {
        var path = Path.Combine(RepositoryFolders.Content, "behavioral", "conflict-with-teammate.md");
        var card = new CardParser().Parse("behavioral/conflict-with-teammate.md", File.ReadAllText(path)).Card!;

        var rubric = StarRubric.From(card);

        Assert.Equal(["conflict", "collaboration", "communication"], rubric.Competencies);
        Assert.Equal(StarRules.KeywordsFromCard, rubric.Keywords.Count);
        Assert.Contains("colleague", rubric.Keywords);
        Assert.DoesNotContain(rubric.Keywords, k => k.EndsWith("ly", StringComparison.Ordinal));
    }

    /// <summary>
    /// The competency is scored when <paramref name="showing"/> is added to the strong answer's Action, and missed by the
    /// strong answer itself (a story about a design disagreement, which shows none of the newer competencies).
    /// </summary>
    private static void AssertScoresCompetency(string competency, string showing)
    {
        var rubric = new StarRubric([competency], []);

        var shown = Analyze(StarExamples.Strong with { Action = StarExamples.Action + " " + showing }, rubric);
        var absent = Analyze(StarExamples.Strong, rubric);

        Assert.True(StarRules.CompetencySignals.ContainsKey(competency), $"'{competency}' has no signals in StarRules.CompetencySignals");
        Assert.Equal([competency], shown.KeywordsCovered);
        Assert.Equal([competency], absent.KeywordsMissed);
    }

    private static StarAnalysis Analyze(StarAnswer answer, StarRubric rubric) => StarAnalyzer.Analyze(answer, rubric);

    [Fact]
    public void Adaptability_is_scored_when_the_answer_reworks_the_plan_after_a_change() =>
        AssertScoresCompetency("adaptability", "When finance changed the grain to one row per order line halfway through, I re-planned the week and reworked the fact table.");

    [Fact]
    public void Decisiveness_is_scored_when_the_answer_commits_to_a_reversible_choice() =>
        AssertScoresCompetency("decisiveness", "With only two weeks of incomplete volume figures, I made the call to start with hourly batches, because that choice was easy to reverse.");

    [Fact]
    public void Empathy_is_scored_when_the_answer_takes_the_other_persons_perspective() =>
        AssertScoresCompetency("empathy", "I asked the finance lead what worried her and saw it from her perspective: she had to present these numbers to the board.");

    [Fact]
    public void Initiative_is_scored_when_the_answer_acts_without_being_asked() =>
        AssertScoresCompetency("initiative", "Nobody asked me to, but I volunteered to write the setup guide, and I built the first version on my own over a weekend.");

    [Fact]
    public void Motivation_is_scored_when_the_answer_says_what_draws_the_speaker_to_the_work() =>
        AssertScoresCompetency("motivation", "What I enjoy most, and what drew me to data engineering, is making messy inputs reliable for the people who use them.");

    [Fact]
    public void Problem_solving_is_scored_when_the_answer_isolates_a_root_cause() =>
        AssertScoresCompetency("problem-solving", "I reproduced the failure on one day of data, isolated it to the time-zone conversion, and confirmed the root cause before changing anything.");

    [Fact]
    public void Quality_is_scored_when_the_answer_validates_the_data() =>
        AssertScoresCompetency("quality", "Before publishing I added a uniqueness test on order_id and a row-count reconciliation against the source.");

    [Fact]
    public void Resilience_is_scored_when_the_answer_recovers_from_a_setback() =>
        AssertScoresCompetency("resilience", "After that setback I kept going: I recovered the lost week by cutting one optional feature and tried again the next Monday.");

    [Fact]
    public void Self_awareness_is_scored_when_the_answer_names_a_weakness_honestly() =>
        AssertScoresCompetency("self-awareness", "I realised my weakness was saying yes to everything, and I was honest with my manager about it.");

    [Fact]
    public void Time_management_is_scored_when_the_answer_plans_the_hours() =>
        AssertScoresCompetency("time-management", "I blocked fifteen hours a week in my calendar, two before work every weekday and the rest on Saturday, and kept that routine for sixteen weeks.");

    [Fact]
    public void Transferable_skills_is_scored_when_the_answer_draws_on_a_previous_career() =>
        AssertScoresCompetency("transferable-skills", "In my previous career as an accountant I reconciled ledgers every month, and I carried over that habit to checking row counts.");

    [Fact]
    public void Every_competency_a_bundled_behavioural_card_lists_has_signals_in_the_star_rules()
    {
        var parser = new CardParser();
        var unknown = Directory.GetFiles(Path.Combine(RepositoryFolders.Content, "behavioral"), "*.md")
            .SelectMany(file => StarRubric.CompetenciesOf(parser.Parse("behavioral/" + Path.GetFileName(file), File.ReadAllText(file)).Card!)
                .Where(competency => !StarRules.CompetencySignals.ContainsKey(competency))
                .Select(competency => $"{Path.GetFileName(file)}: {competency}"))
            .ToList();

        Assert.True(unknown.Count == 0, "Competencies without signals in StarRules.CompetencySignals: " + string.Join("; ", unknown));
    }

    [Fact]
    public void Every_bundled_behavioural_card_yields_a_rubric()
    {
        var parser = new CardParser();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFolders.Content, "behavioral"), "*.md"))
        {
            var card = parser.Parse("behavioral/" + Path.GetFileName(file), File.ReadAllText(file)).Card!;

            var rubric = StarRubric.From(card);

            Assert.NotEmpty(rubric.Competencies);
            Assert.NotEmpty(rubric.Keywords);
        }
    }
}
