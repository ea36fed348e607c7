using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>The Undo button and <c>/undo</c> through the router, as a transport sends them, on a fake clock.</summary>
public sealed class UndoFlowTests : IDisposable
{
    private static readonly LearnerIdentity Ada = BotHarness.Ada with { GuildId = "900" };
    private static readonly LearnerIdentity Grace = BotHarness.Grace with { GuildId = "900" };

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-undo-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero));

    public UndoFlowTests() => _content.Write("concept/idempotency.md", FlowCards.Reveal);

    private string DatabasePath => Path.Combine(_data.FullName, "undo.db");

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, DatabasePath, _time);

    /// <summary>/quiz, Reveal, <paramref name="grade"/>: the replies to the grade.</summary>
    private static async Task<IReadOnlyList<Reply>> GradeAsync(BotHarness bot, LearnerIdentity who, string grade, string command = "/quiz")
    {
        var question = await bot.SendAsync(who, CommandLine.Parse(command));
        var revealed = await bot.SendAsync(who, new ButtonInput(StudyActions.Button(question, "Reveal answer").CustomId));
        return await bot.SendAsync(who, new ButtonInput(StudyActions.Button(revealed, grade).CustomId));
    }

    private static async Task<List<ReviewLog>> LogsAsync(BotHarness bot)
    {
        var factory = bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.ReviewLogs.AsNoTracking().OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Undo_under_a_grade_takes_it_back_and_asks_the_card_again()
    {
        await using var bot = await StartAsync();
        var graded = await GradeAsync(bot, Ada, "Good");

        var undone = await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button(graded, "Undo").CustomId));

        Assert.StartsWith("↩️ **Undone** — your **Good** on `concept-idempotency` no longer counts", undone[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("new to you again", undone[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("What makes a daily load idempotent?", undone[1].Markdown, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await LogsAsync(bot)).UndoneAt);
        Assert.Contains("**0** today", await bot.TypeAsync(Ada, "/stats"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_card_asked_again_after_an_undo_can_be_graded_and_counts_once()
    {
        await using var bot = await StartAsync();
        var graded = await GradeAsync(bot, Ada, "Again");
        var undone = await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button(graded, "Undo").CustomId));

        var revealed = await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button([undone[1]], "Reveal answer").CustomId));
        var regraded = await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button(revealed, "Easy").CustomId));

        Assert.Contains("Recorded **Easy**", regraded[0].Markdown, StringComparison.Ordinal);
        Assert.Equal([(1, true), (5, false)], (await LogsAsync(bot)).Select(l => (l.Quality, l.UndoneAt is not null)));
        Assert.Contains("- **#1** Ada — **1** correct of 1 reviews", await bot.TypeAsync(Ada, "/leaderboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_pressed_twice_undoes_once()
    {
        await using var bot = await StartAsync();
        var undo = StudyActions.Button(await GradeAsync(bot, Ada, "Good"), "Undo").CustomId;

        await bot.SendAsync(Ada, new ButtonInput(undo));
        var again = await bot.SendAsync(Ada, new ButtonInput(undo));

        Assert.Equal("Nothing changed: your **Good** on `concept-idempotency` was already undone.", again[0].Markdown);
    }

    [Fact]
    public async Task Someone_elses_undo_is_refused_and_the_grade_still_counts()
    {
        await using var bot = await StartAsync();
        var undo = StudyActions.Button(await GradeAsync(bot, Ada, "Good"), "Undo").CustomId;

        var refused = await bot.SendAsync(Grace, new ButtonInput(undo));

        Assert.StartsWith("This Undo is for someone else's answer, so it was not undone.", refused[0].Markdown, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await LogsAsync(bot)).UndoneAt);
        Assert.Contains("**1** today", await bot.TypeAsync(Ada, "/stats"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_after_ten_minutes_is_refused_with_the_window()
    {
        await using var bot = await StartAsync();
        var undo = StudyActions.Button(await GradeAsync(bot, Ada, "Good"), "Undo").CustomId;
        _time.Advance(TimeSpan.FromMinutes(11));

        var refused = await bot.SendAsync(Ada, new ButtonInput(undo));
        var command = await bot.TypeAsync(Ada, "/undo");

        Assert.Equal("Nothing changed: your **Good** on `concept-idempotency` was given 11 minutes ago, and a grade can be undone for 10 minutes.", refused[0].Markdown);
        Assert.Equal(refused[0].Markdown, command);
    }

    [Fact]
    public async Task Undo_after_the_card_was_graded_again_is_refused()
    {
        await using var bot = await StartAsync();
        var undo = StudyActions.Button(await GradeAsync(bot, Ada, "Again"), "Undo").CustomId;
        await GradeAsync(bot, Ada, "Good", "/review");

        var refused = await bot.SendAsync(Ada, new ButtonInput(undo));

        Assert.Equal("Nothing changed: you have graded `concept-idempotency` again since, and only a card's latest grade can be undone.", refused[0].Markdown);
        Assert.All(await LogsAsync(bot), l => Assert.Null(l.UndoneAt));
    }

    [Fact]
    public async Task Undo_button_works_after_a_restart()
    {
        string undo;
        await using (var bot = await StartAsync())
        {
            undo = StudyActions.Button(await GradeAsync(bot, Ada, "Good"), "Undo").CustomId;
        }

        await using var restarted = await StartAsync();
        var undone = await restarted.SendAsync(Ada, new ButtonInput(undo));

        Assert.StartsWith("↩️ **Undone**", undone[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slash_undo_takes_back_the_latest_grade_and_says_when_there_is_none()
    {
        await using var bot = await StartAsync();
        var nothing = await bot.TypeAsync(Ada, "/undo");
        await GradeAsync(bot, Ada, "Hard");

        var undone = await bot.TypeAsync(Ada, "/undo");

        Assert.Equal("You have no grade to undo.", nothing);
        Assert.StartsWith("↩️ **Undone** — your **Hard** on `concept-idempotency`", undone, StringComparison.Ordinal);
        Assert.Contains("Streak: **0 days** (best 0)", await bot.TypeAsync(Ada, "/stats"), StringComparison.Ordinal);
    }
}
