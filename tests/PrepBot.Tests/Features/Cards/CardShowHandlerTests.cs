using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Cards;

/// <summary><c>/card show</c>: admins preview a card as learners see it; nobody else may, and nothing is recorded.</summary>
public sealed class CardShowHandlerTests : IDisposable
{
    private static readonly LearnerIdentity Admin = BotHarness.Ada with { CanManageServer = true };

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-cardshow-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public CardShowHandlerTests()
    {
        PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1));
        _content.Write("concept/columnar.md", FlowCards.MultipleChoice);
    }

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "cards.db"), _time);

    [Fact]
    public async Task Card_show_is_refused_without_manage_server()
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(BotHarness.Grace, "/card show id:joins-1");

        Assert.Equal("Only server admins (Manage Server) can use `/card show`.", reply);
    }

    [Fact]
    public async Task Admin_sees_the_question_exactly_as_learners_do_with_its_metadata_and_nothing_is_recorded()
    {
        await using var bot = await StartAsync();
        var learnerSees = (await bot.SendAsync(BotHarness.Grace, CommandLine.Parse("/quiz topic:sql-joins")))[0].Markdown;

        var replies = await bot.SendAsync(Admin, CommandLine.Parse("/card show id:joins-1"));

        Assert.Equal(4, replies.Count);
        Assert.Contains("- File: `concept/joins-1.md` (in the content folder)", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("- Week: 1 — Theme of week 1", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("- Topic: `sql-joins`\n", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("- Difficulty: easy", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("- Retired: no", replies[0].Markdown, StringComparison.Ordinal);
        Assert.StartsWith(learnerSees + "\n\n_Learners also get: Reveal answer · Write an answer · Not now (while the card is new to them)._\n_After answering: Suspend · Undo (for 10 minutes)._", replies[1].Markdown, StringComparison.Ordinal);
        Assert.Contains("**Answer**\n\nAnswer of joins-1.", replies[2].Markdown, StringComparison.Ordinal);
        Assert.Equal("**How learners do on it** (admins only)\n\nNobody has answered it yet.", replies[3].Markdown);
        Assert.All(replies, reply => Assert.True(reply.Buttons.Count == 0 && reply.Select is null && reply.Modal is null));
        Assert.Contains("Cards seen: 0 of", await bot.TypeAsync(Admin, "/stats"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multiple_choice_preview_names_the_menu_and_shows_the_right_answer_with_the_explanation()
    {
        await using var bot = await StartAsync();

        var replies = await bot.SendAsync(Admin, CommandLine.Parse("/card show id:concept-columnar"));

        Assert.Contains("- Kind: concept (multiple choice)", replies[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("_Learners also get: a menu \"Choose an answer\" (options shown in file order here; each learner sees them shuffled) · Hint · Not now (while the card is new to them)._", replies[1].Markdown, StringComparison.Ordinal);
        Assert.Contains("**B.** Scans over a few columns of many rows", replies[1].Markdown, StringComparison.Ordinal);
        Assert.Contains("**The answer**\n- Scans over a few columns of many rows", replies[2].Markdown, StringComparison.Ordinal);
        Assert.Contains("**Hint** (behind the Hint button)", replies[2].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retired_card_can_still_be_previewed_and_says_it_is_retired()
    {
        _content.Write("concept/joins-1.md", PlanCards.Reveal("joins-1", "sql-joins", 1, retired: true));
        await using var bot = await StartAsync();

        var metadata = await bot.TypeAsync(Admin, "/card show id:joins-1");

        Assert.Contains("- Retired: **yes**", metadata, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("joins-2", "There is no card `joins-2` in the deck. Did you mean `joins-1`?")]
    [InlineData("columnar", "There is no card `columnar` in the deck. Did you mean `concept-columnar`?")]
    public async Task Unknown_id_suggests_the_closest_id(string id, string message)
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(Admin, $"/card show id:{id}");

        Assert.Equal(message, reply);
    }
}
