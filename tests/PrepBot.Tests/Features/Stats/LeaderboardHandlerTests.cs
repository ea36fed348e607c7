using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Stats;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Stats;

/// <summary><c>/leaderboard</c> and <c>/me leaderboard</c> through the router, as learners of one server use them.</summary>
public sealed class LeaderboardHandlerTests : IDisposable
{
    private static readonly LearnerIdentity Ada = BotHarness.Ada with { GuildId = "900" };
    private static readonly LearnerIdentity Grace = BotHarness.Grace with { GuildId = "900" };
    private static readonly LearnerIdentity Linus = new("discord", "1003", "Linus", "Etc/UTC") { GuildId = "901" };

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-board-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero));

    public LeaderboardHandlerTests() => PlanCards.WriteDeck(_content, ("joins-1", "sql-joins", 1), ("joins-2", "sql-joins", 1), ("agg-1", "sql-aggregation", 1));

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "board.db"), _time);

    [Fact]
    public async Task Learners_who_studied_in_the_server_this_week_are_ranked_by_correct_answers()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good");
        await bot.AnswerAsync(Ada, "Good");
        await bot.AnswerAsync(Grace, "Again");
        await bot.AnswerAsync(Linus, "Easy");

        var board = await bot.TypeAsync(Grace, "/leaderboard");

        Assert.Contains("**This week's leaderboard** — Mon 9 Mar to Sun 15 Mar (your week, Etc/UTC)", board, StringComparison.Ordinal);
        Assert.Contains("- **#1** Ada — **2** correct of 2 reviews\n- **#2** Grace — **0** correct of 1 reviews", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Linus", board, StringComparison.Ordinal);
        Assert.Contains("You: **#2** of 2 — 0 correct of 1 reviews", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_learners_first_input_in_a_server_enrols_them_and_puts_them_on_its_board_in_one_commit()
    {
        await using var bot = await StartAsync();
        var writer = bot.Services.GetRequiredService<GroupCommitWriter>();
        var batches = writer.Batches;

        await bot.TypeAsync(Ada, "/leaderboard");
        var firstInput = writer.Batches - batches;
        await bot.AnswerAsync(Ada, "Good"); // her later inputs write no roster row: the first one's is remembered

        Assert.Equal(1, firstInput);
        Assert.Contains("- **#1** Ada — **1** correct of 1 reviews", await bot.TypeAsync(Grace, "/leaderboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learner_who_opts_out_is_left_off_and_told_so_when_they_look()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good");
        await bot.AnswerAsync(Grace, "Good");

        var optOut = await bot.TypeAsync(Ada, "/me leaderboard show:off");
        var seenByGrace = await bot.TypeAsync(Grace, "/leaderboard");
        var seenByAda = await bot.TypeAsync(Ada, "/leaderboard");
        var status = await bot.TypeAsync(Ada, "/me leaderboard");

        Assert.Contains("You are off the leaderboards now", optOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", seenByGrace, StringComparison.Ordinal);
        Assert.Contains("You: **#1** of 1", seenByGrace, StringComparison.Ordinal);
        Assert.Contains("You are not on the leaderboard: you opted out.", seenByAda, StringComparison.Ordinal);
        Assert.Contains("You are **off** the leaderboards", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opting_back_in_puts_this_weeks_reviews_back_on_the_board()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good");
        await bot.TypeAsync(Ada, "/me leaderboard show:off");

        await bot.TypeAsync(Ada, "/me leaderboard show:on");

        Assert.Contains("You: **#1** of 1", await bot.TypeAsync(Ada, "/leaderboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_outside_a_server_is_refused()
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(BotHarness.Ada, "/leaderboard");

        Assert.Equal("`/leaderboard` works inside a server channel, not here.", reply);
    }

    [Fact]
    public async Task Empty_week_invites_the_caller_to_start()
    {
        await using var bot = await StartAsync();

        var board = await bot.TypeAsync(Ada, "/leaderboard");

        Assert.Contains("Nobody here has a graded review this week yet.", board, StringComparison.Ordinal);
        Assert.Contains("You have no graded review this week yet", board, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_cannot_format_the_board()
    {
        Assert.Equal(@"\*\*boss\*\* \@everyone \# x", LeaderboardHandler.Escape("**boss** @everyone # x"));
    }
}
