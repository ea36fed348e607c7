using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Stats;
using PrepBot.Learning;
using PrepBot.Tests.Support;
using SkiaSharp;

namespace PrepBot.Tests.Features.Stats;

/// <summary><c>/stats</c> in the real host: forecast, retention, streak, weakest topics and the heatmap attachment.</summary>
public sealed class StatsHandlerTests : IDisposable
{
    private static readonly LearnerIdentity Ada = BotHarness.Ada;
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-stats-");

    // Wednesday 2026-03-11, 12:00 UTC; Ada's zone is UTC, so her study day is the 11th.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.Zero));

    public StatsHandlerTests() => PlanCards.WriteDeck(
        _content,
        ("joins-1", "sql-joins", 1), ("joins-2", "sql-joins", 1), ("joins-3", "sql-joins", 1),
        ("agg-1", "sql-aggregation", 1), ("agg-2", "sql-aggregation", 1), ("agg-3", "sql-aggregation", 1),
        ("win-1", "window-functions", 1), ("win-2", "window-functions", 1), ("win-3", "window-functions", 1));

    private static DateOnly Today => new(2026, 3, 11);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "stats.db"), _time);

    private static async Task<LearnerContext> LearnerAsync(BotHarness bot)
    {
        var learner = await bot.Services.GetRequiredService<LearnerStore>().GetOrCreateAsync(Ada.Platform, Ada.UserId, Ada.DisplayName, Ada.DefaultTimeZoneId, Ct);
        return new LearnerContext(learner, Utc);
    }

    private static async Task AddAsync(BotHarness bot, params object[] rows)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>().CreateDbContextAsync(Ct);
        db.AddRange(rows);
        await db.SaveChangesAsync(Ct);
    }

    private static CardState Due(long learner, string card, DateTimeOffset due) =>
        new() { LearnerId = learner, CardId = card, EasinessFactor = 2.5, IntervalDays = 1, Repetitions = 1, Due = due, ScheduledDue = due, Version = 1 };

    private Task<LearnerStats> ReadAsync(BotHarness bot, LearnerContext learner) =>
        bot.Services.GetRequiredService<LearnerStatsReader>().ReadAsync(learner, _time.GetUtcNow(), Ct);

    [Fact]
    public async Task Forecast_counts_what_falls_due_on_each_of_the_next_seven_days_with_overdue_cards_today()
    {
        await using var bot = await StartAsync();
        var ada = await LearnerAsync(bot);
        await AddAsync(
            bot,
            Due(ada.Id, "joins-1", new(2026, 3, 9, 4, 0, 0, TimeSpan.Zero)),
            Due(ada.Id, "joins-2", new(2026, 3, 11, 13, 0, 0, TimeSpan.Zero)),
            Due(ada.Id, "joins-3", new(2026, 3, 12, 4, 0, 0, TimeSpan.Zero)),
            Due(ada.Id, "agg-1", new(2026, 3, 17, 4, 0, 0, TimeSpan.Zero)),
            Due(ada.Id, "agg-2", new(2026, 3, 18, 4, 0, 0, TimeSpan.Zero)));

        var stats = await ReadAsync(bot, ada);

        Assert.Equal([2, 1, 0, 0, 0, 0, 1], stats.DueByDay);
        Assert.Equal((1, 2, 4), (stats.DueNow, stats.DueToday, stats.DueThisWeek));
    }

    [Fact]
    public async Task Reviews_and_retention_cover_the_last_7_and_30_study_days()
    {
        await using var bot = await StartAsync();
        var ada = await LearnerAsync(bot);
        await AddAsync(
            bot,
            new StudyDay { LearnerId = ada.Id, Day = Today, Reviews = 5, Scored = 4, Correct = 3 },
            new StudyDay { LearnerId = ada.Id, Day = Today.AddDays(-6), Reviews = 6, Scored = 6, Correct = 6 },
            new StudyDay { LearnerId = ada.Id, Day = Today.AddDays(-7), Reviews = 1, Scored = 1, Correct = 0 },
            new StudyDay { LearnerId = ada.Id, Day = Today.AddDays(-29), Reviews = 9, Scored = 9, Correct = 1 },
            new StudyDay { LearnerId = ada.Id, Day = Today.AddDays(-30), Reviews = 50, Scored = 50, Correct = 0 });

        var stats = await ReadAsync(bot, ada);

        Assert.Equal(new PeriodStats(7, 11, 10, 9), stats.Last7Days);
        Assert.Equal(0.9, stats.Last7Days.Retention!.Value, 3);
        Assert.Equal(new PeriodStats(30, 21, 20, 10), stats.Last30Days);
        Assert.Equal(0.5, stats.Last30Days.Retention!.Value, 3);
        Assert.Equal(5, stats.ReviewsToday);
        Assert.Equal((1, 2), (stats.CurrentStreak, stats.BestStreak));
    }

    [Fact]
    public async Task Weakest_topics_are_those_with_the_lowest_retention_and_enough_reviews()
    {
        await using var bot = await StartAsync();
        var ada = await LearnerAsync(bot);
        var store = bot.Services.GetRequiredService<ReviewStore>();
        foreach (var (card, quality) in new[] { ("joins-1", 1), ("joins-2", 4), ("joins-3", 4), ("agg-1", 0), ("agg-2", 2), ("agg-3", 4), ("win-1", 5), ("win-2", 5), ("win-3", 5) })
        {
            await store.RecordAsync(ada.Id, card, 0, quality, Utc, Ct);
        }

        var stats = await ReadAsync(bot, ada);

        Assert.Equal(["sql-aggregation", "sql-joins"], stats.WeakestTopics.Select(t => t.Topic));
        Assert.Equal((1, 3), (stats.WeakestTopics[0].Passed, stats.WeakestTopics[0].Reviews));
    }

    [Fact]
    public async Task Paused_today_keeps_the_streak_and_says_so()
    {
        await using var bot = await StartAsync();
        var ada = await LearnerAsync(bot);
        await AddAsync(
            bot,
            new StudyDay { LearnerId = ada.Id, Day = Today.AddDays(-3), Reviews = 1, Scored = 1, Correct = 1 },
            new StudyDay { LearnerId = ada.Id, Day = Today.AddDays(-4), Reviews = 1, Scored = 1, Correct = 1 },
            new LearnerPause { LearnerId = ada.Id, FirstDay = Today.AddDays(-2), LastDay = Today.AddDays(3) });

        var reply = Assert.Single(await bot.SendAsync(Ada, new CommandInput("stats")));

        Assert.Contains("Streak: **2 days** (best 2) · paused today", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_reply_attaches_the_heatmap_png_with_alt_text_and_a_text_fallback()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good");

        var reply = Assert.Single(await bot.SendAsync(Ada, new CommandInput("stats")));

        Assert.Contains("Due now: **", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("- Coming up: today 0 · tomorrow 1 · Fri 0", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("Retention (answered Hard or better): **100%** over 7 days (1 of 1)", reply.Markdown, StringComparison.Ordinal);
        var heatmap = Assert.Single(reply.Attachments);
        Assert.Equal((StatsHandler.HeatmapFileName, "image/png"), (heatmap.FileName, heatmap.ContentType));
        using var image = SKBitmap.Decode(heatmap.Content.ToArray());
        Assert.Equal((HeatmapImage.Width, HeatmapImage.Height), (image.Width, image.Height));
        Assert.Contains("1 reviews on 1 days", heatmap.Description, StringComparison.Ordinal);
        Assert.Contains("Wed · · · · · · · · · · · ░", heatmap.TextFallback, StringComparison.Ordinal);
    }
}
