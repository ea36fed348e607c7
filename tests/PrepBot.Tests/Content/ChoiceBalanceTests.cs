using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

/// <summary>The length rules that stop a multiple-choice card giving its answer away, per card and across a deck.</summary>
public sealed class ChoiceBalanceTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly ContentChecker _checker = new(new CardParser());

    public void Dispose() => _folder.Dispose();

    private static string Card(string id, string right, params string[] wrong) => $"""
        ---
        id: {id}
        kind: concept
        topic: data-landscape
        week: 1
        difficulty: easy
        ---

        ## Question

        Which one?

        ## Choices

        {string.Join("\n", wrong.Select(w => "- [ ] " + w))}
        - [x] {right}
        """;

    private ContentCheckReport Check() => _checker.Check(_folder.ContentDirectory, _folder.RootDirectory);

    [Fact]
    public void A_right_option_over_one_and_a_half_times_the_longest_distractor_is_reported_at_its_line()
    {
        _folder.Write("concept/long.md", Card("concept-long", new string('r', 31), new string('w', 20), new string('w', 10)));

        var problem = Assert.Single(Check().Problems);

        Assert.Equal("content/concept/long.md", problem.Path);
        Assert.Equal(17, problem.Line);
        Assert.Contains("the right option is 31 characters, 1.55× the longest wrong option (20); at most 1.5×", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_right_option_at_exactly_the_limits_passes()
    {
        _folder.Write("concept/edge.md", Card("concept-edge", new string('r', 30), new string('w', 20), new string('w', 60)));

        Assert.Empty(Check().Problems);
    }

    [Fact]
    public void A_right_option_under_half_the_shortest_distractor_is_reported()
    {
        _folder.Write("concept/short.md", Card("concept-short", "tiny", "a much longer wrong option", "another long wrong option"));

        var problem = Assert.Single(Check().Problems);

        Assert.Equal(17, problem.Line);
        Assert.Contains("under half the shortest wrong option (25)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Continuation_lines_count_as_one_space_each()
    {
        var choice = new CardChoice("first line\n  second line", IsCorrect: true);

        Assert.Equal("first line second line".Length, ChoiceBalance.Length(choice));
    }

    [Fact]
    public void A_deck_where_the_right_option_is_usually_longest_is_reported_with_its_share_and_target()
    {
        for (var i = 0; i < 20; i++)
        {
            var right = i < 10 ? "right option longer" : "right short";
            _folder.Write($"concept/c{i}.md", Card($"concept-c{i}", right, "wrong option one", "wrong option two"));
        }

        var report = Check();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(0, problem.Line);
        Assert.StartsWith(
            "content: multiple choice: 20 cards; the right option is the longest in 10 (50%), target at most 43% (chance plus 10 points)",
            problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("the right option is the longest in 10 (50%)", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_within_the_target_is_shown_and_not_reported()
    {
        for (var i = 0; i < 20; i++)
        {
            var right = i < 6 ? "right option longer" : "right short";
            _folder.Write($"concept/c{i}.md", Card($"concept-c{i}", right, "wrong option one", "wrong option two"));
        }

        var report = Check();

        Assert.Empty(report.Problems);
        Assert.Contains("the right option is the longest in 6 (30%), target at most 43%", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_folder_shows_its_share_without_holding_it_against_the_folder()
    {
        _folder.Write("concept/one.md", Card("concept-one", "right option longer", "wrong option one", "wrong option two"));

        var report = Check();

        Assert.Empty(report.Problems);
        Assert.Contains("the right option is the longest in 1 (100%)", report.Summary(), StringComparison.Ordinal);
    }
}
