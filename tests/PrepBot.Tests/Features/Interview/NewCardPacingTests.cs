using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Features.Interview;
using PrepBot.Tests.Features.Settings;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Interview;

/// <summary>New cards paced toward the interview: the plan seen a week before it, never above <c>/me cap new:</c>.</summary>
public sealed class NewCardPacingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly LearnerIdentity Ada = BotHarness.Ada;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-pacing-");
    private readonly FakeTimeProvider _clock = new(MondayMorning);
    private readonly RecordingMessenger _messenger = new();

    public ValueTask InitializeAsync()
    {
        InterviewCards.Write(_content, 6);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<SettingsBot> StartAsync() =>
        SettingsBot.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), _clock, _messenger);

    [Theory]
    [InlineData(10, 6, null, 2)] // 3 days to spread 6 cards over
    [InlineData(9, 4, null, 2)]
    [InlineData(17, 21, null, 3)] // 10 days: ⌈21 / 10⌉
    [InlineData(17, 21, 2, 2)] // the cap holds it lower
    [InlineData(8, 6, null, 6)] // 1 day left to spread over
    [InlineData(7, 6, null, 6)] // a week away: everything at once
    [InlineData(3, 6, 4, 4)] // …still within the cap
    [InlineData(30, 0, null, 0)] // nothing left to see
    public void The_pace_is_the_unseen_cards_over_the_days_until_a_week_before_within_the_cap(int daysLeft, int unseen, int? cap, int limit)
    {
        var pace = new NewCardPace(daysLeft, unseen, cap);

        Assert.Equal(limit, pace.Limit);
    }

    [Fact]
    public async Task Quiz_hands_out_the_paced_new_cards_and_then_says_why_it_stops()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me interview date:2026-03-12"); // 10 days: 6 cards over 3 days

        await bot.AnswerAsync(Ada);
        await bot.AnswerAsync(Ada);
        var third = await bot.TypeAsync(Ada, "/quiz");

        Assert.StartsWith("You have seen today's 2 new cards, paced toward your interview", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_day_the_pace_counts_the_cards_still_unseen()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me interview date:2026-03-12");
        await bot.AnswerAsync(Ada, "Easy");
        _clock.Advance(TimeSpan.FromDays(1)); // Tuesday: 5 unseen, 9 days left, 2 to spread over

        var reply = await bot.TypeAsync(Ada, "/me interview");

        Assert.Contains("New cards: **3 today** — 5 cards of the plan not seen this morning, spread over the 2 days before Thu 5 Mar 2026", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pace_never_goes_above_the_learners_new_card_cap()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me cap new:1");
        var set = await bot.TypeAsync(Ada, "/me interview date:2026-03-12");

        await bot.AnswerAsync(Ada);
        var second = await bot.TypeAsync(Ada, "/quiz");

        Assert.Contains("New cards: **1 today**", set, StringComparison.Ordinal);
        Assert.Contains("your `/me cap new:1` holds it to 1, so some will still be new in the last week", set, StringComparison.Ordinal);
        Assert.Contains("You reached today's cap", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Within_a_week_of_the_interview_every_unseen_card_is_open()
    {
        await using var bot = await StartAsync();

        var set = await bot.TypeAsync(Ada, "/me interview date:2026-03-07");
        for (var i = 0; i < 6; i++)
        {
            await bot.AnswerAsync(Ada, "Easy");
        }

        Assert.Contains("New cards: **6 today** — all 6 cards of the plan you had not seen this morning, as your interview is a week away or nearer", set, StringComparison.Ordinal);
        Assert.Contains("You have seen every card of the plan", await bot.TypeAsync(Ada, "/quiz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clearing_the_interview_ends_the_pacing()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me interview date:2026-03-12");
        await bot.AnswerAsync(Ada);
        await bot.AnswerAsync(Ada);
        await bot.TypeAsync(Ada, "/me interview date:off");

        var third = await bot.SendAsync(Ada, CommandLine.Parse("/quiz"));

        Assert.Contains(third[0].Buttons, b => b.Label == "Reveal answer");
    }
}
