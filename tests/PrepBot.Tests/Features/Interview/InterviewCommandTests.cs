using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Tests.Features.Settings;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Interview;

/// <summary><c>/me interview</c> through the router on a fake clock and a real SQLite file: storing, clearing and refusing.</summary>
public sealed class InterviewCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly LearnerIdentity Ada = BotHarness.Ada;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-interview-");
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

    private static async Task<(DateOnly Date, string? Title)?> StoredAsync(SettingsBot bot)
    {
        var id = await bot.LearnerIdAsync(Ada);
        await using var db = await bot.DbAsync();
        var row = await db.InterviewPlans.AsNoTracking().SingleOrDefaultAsync(p => p.LearnerId == id, TestContext.Current.CancellationToken);
        return row is null ? null : (row.Date, row.Title);
    }

    [Fact]
    public async Task A_date_and_title_are_stored_and_the_reply_says_the_days_left_and_the_pace()
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(Ada, "/me interview date:2026-03-12 title:\"Data engineer, Acme\"");

        Assert.Equal((new DateOnly(2026, 3, 12), "Data engineer, Acme"), await StoredAsync(bot));
        Assert.Contains("Interview set: **Thu 12 Mar 2026** (Data engineer, Acme), in 10 days", reply, StringComparison.Ordinal);
        Assert.Contains("New cards: **2 today** — 6 cards of the plan not seen this morning, spread over the 3 days before Thu 5 Mar 2026", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_options_it_shows_the_interview_and_date_off_clears_it()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me interview date:2026-04-01 title:Acme");

        var shown = await bot.TypeAsync(Ada, "/me interview");
        var cleared = await bot.TypeAsync(Ada, "/me interview date:off");
        var none = await bot.TypeAsync(Ada, "/me interview");

        Assert.Contains("Your interview: **Wed 1 Apr 2026** (Acme), in 30 days", shown, StringComparison.Ordinal);
        Assert.StartsWith("Interview date cleared", cleared, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(bot));
        Assert.StartsWith("No interview date set.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_show_lists_the_interview_with_the_days_left()
    {
        await using var bot = await StartAsync();
        var before = await bot.TypeAsync(Ada, "/me show");
        await bot.TypeAsync(Ada, "/me interview date:2026-04-01 title:Acme");

        var after = await bot.TypeAsync(Ada, "/me show");

        Assert.Contains("- Interview: none set — `/me interview`", before, StringComparison.Ordinal);
        Assert.Contains("- Interview: Wed 1 Apr 2026 (Acme), in 30 days — `/me interview`", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_alone_changes_the_title_and_keeps_the_date()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me interview date:2026-04-01 title:Acme");

        var reply = await bot.TypeAsync(Ada, "/me interview title:\"Senior data engineer, Globex\"");

        Assert.StartsWith("Interview title changed", reply, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 4, 1), "Senior data engineer, Globex"), await StoredAsync(bot));
    }

    [Theory]
    [InlineData("2026-03-02", "must be after today (2026-03-02); got `2026-03-02`, which is today")]
    [InlineData("2026-02-27", "must be after today (2026-03-02); got `2026-02-27`, which is in the past")]
    [InlineData("2028-03-02", "must be within 2 years of today (by 2028-03-01); got `2028-03-02`")]
    [InlineData("15/01/2027", "must be a day written YYYY-MM-DD, e.g. `2026-04-01`, or `off` (got `15/01/2027`)")]
    [InlineData("2026-02-30", "(got `2026-02-30`)")]
    public async Task A_date_not_in_the_next_two_years_or_not_a_date_is_refused_naming_the_option_and_changes_nothing(string date, string message)
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me interview date:2026-04-01 title:Acme");

        var reply = await bot.TypeAsync(Ada, $"/me interview date:{date}");

        Assert.StartsWith("`date` of `/me interview` ", reply, StringComparison.Ordinal);
        Assert.Contains(message, reply, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 4, 1), "Acme"), await StoredAsync(bot));
    }

    [Fact]
    public async Task A_title_over_100_characters_is_refused_naming_the_option_and_changes_nothing()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me interview date:2026-04-01 title:Acme");

        var reply = await bot.TypeAsync(Ada, $"/me interview date:2026-05-01 title:\"{new string('x', 101)}\"");

        Assert.Contains("`title` of `/me interview` is at most 100 characters (got 101)", reply, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 4, 1), "Acme"), await StoredAsync(bot));
    }

    [Fact]
    public async Task Forget_deletes_the_interview_with_the_learner()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me interview date:2026-04-01");
        var ask = await bot.SendAsync(Ada, CommandLine.Parse("/me forget"));

        await bot.SendAsync(Ada, new ButtonInput(ask[0].Buttons[0].CustomId));

        await using var db = await bot.DbAsync();
        Assert.Equal(0, await db.InterviewPlans.CountAsync(TestContext.Current.CancellationToken));
    }
}
