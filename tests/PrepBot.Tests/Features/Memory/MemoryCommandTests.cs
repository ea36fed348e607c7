using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Memory;
using PrepBot.Learning.Fsrs;
using PrepBot.Tests.Features.Settings;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Memory;

/// <summary><c>/me scheduler|retention|optimize</c> and the weekly fit, through the real host on a fake clock.</summary>
public sealed class MemoryCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly LearnerIdentity Ada = BotHarness.Ada;
    private static readonly LearnerIdentity Grace = BotHarness.Grace;

    /// <summary>A memory unlike the default one (see FsrsOptimizerTests): what the simulated learner's log is made with.</summary>
    private static readonly double[] Truth =
        [0.5, 2.5, 5.0, 15.0, 6.0, 0.6, 2.0, 0.01, 1.4, 0.2, 1.1, 1.8, 0.1, 0.35, 2.0, 0.4, 2.2, 0.5, 0.1, 0.1, 0.4];

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-memory-");
    private readonly FakeTimeProvider _clock = new(MondayMorning);
    private readonly RecordingMessenger _messenger = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
        _content.Write("concept/idempotency-retries.md", FlowCards.Reveal.Replace("id: concept-idempotency", "id: concept-idempotency-retries", StringComparison.Ordinal));
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

    private static async Task<List<CardState>> StatesAsync(SettingsBot bot)
    {
        await using var db = await bot.DbAsync();
        return await db.CardStates.AsNoTracking().OrderBy(s => s.CardId).ToListAsync(Ct);
    }

    private static async Task<FsrsProfile?> ProfileAsync(SettingsBot bot, LearnerIdentity who)
    {
        var id = await bot.LearnerIdAsync(who);
        await using var db = await bot.DbAsync();
        return await db.FsrsProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.LearnerId == id, Ct);
    }

    /// <summary>Ada's review log as a learner whose memory follows <see cref="Truth"/> would have made it (~5,000 grades).</summary>
    private static async Task<int> ImportSimulatedLogAsync(SettingsBot bot, LearnerIdentity who)
    {
        var id = await bot.LearnerIdAsync(who);
        var histories = FsrsReviewSimulator.Simulate(Truth, cards: 600, days: 365, seed: 7);
        await using var db = await bot.DbAsync();
        foreach (var history in histories)
        {
            var cardId = "sim-" + history.CardId;
            for (var i = 0; i < history.Reviews.Count; i++)
            {
                var review = history.Reviews[i];
                db.ReviewLogs.Add(new ReviewLog
                {
                    LearnerId = id,
                    CardId = cardId,
                    StateVersion = i,
                    Quality = Sm2Recall.QualityOf(review.Rating),
                    Kind = i == 0 ? ReviewKind.New : review.ElapsedDays == 0 ? ReviewKind.Redrill : ReviewKind.Scheduled,
                    AnsweredAt = review.At,
                    NextDue = review.At.AddDays(1),
                });
            }

            var last = history.Reviews[^1].At;
            db.CardStates.Add(new CardState
            {
                LearnerId = id,
                CardId = cardId,
                EasinessFactor = 2.5,
                IntervalDays = 3,
                Repetitions = 2,
                Due = last.AddDays(3),
                ScheduledDue = last.AddDays(3),
                Version = history.Reviews.Count,
                FirstSeenAt = history.Reviews[0].At,
                LastReviewedAt = last,
                Stability = 5,
                Difficulty = 5,
            });
        }

        await db.SaveChangesAsync(Ct);
        return SrsCardHistory.CountReviews(histories);
    }

    [Fact]
    public async Task Scheduler_without_a_value_explains_the_choice_and_switching_both_ways_keeps_every_card()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good");
        await bot.AnswerAsync(Ada, "Easy");
        _clock.Advance(TimeSpan.FromDays(1));
        var sm2 = await StatesAsync(bot);

        var about = await bot.TypeAsync(Ada, "/me scheduler");
        var toFsrs = await bot.TypeAsync(Ada, "/me scheduler use:fsrs");
        var fsrs = await StatesAsync(bot);
        var again = await bot.TypeAsync(Ada, "/me scheduler use:fsrs");
        var show = await bot.TypeAsync(Ada, "/me show");
        var toSm2 = await bot.TypeAsync(Ada, "/me scheduler use:sm2");

        Assert.Contains("You use **SM-2**", about, StringComparison.Ordinal);
        Assert.Contains("Switched to **FSRS-6** (2 cards re-dated): each card now comes back", toFsrs, StringComparison.Ordinal);
        Assert.Contains("falls to 90%", toFsrs, StringComparison.Ordinal);
        Assert.Equal(sm2.Select(s => s.CardId), fsrs.Select(s => s.CardId));
        Assert.NotEqual(sm2.Select(s => s.Due), fsrs.Select(s => s.Due));
        Assert.Contains("You already use FSRS-6", again, StringComparison.Ordinal);
        Assert.Contains("Scheduler: FSRS-6, target retention 90%, default weights", show, StringComparison.Ordinal);
        Assert.Contains("Switched back to **SM-2**", toSm2, StringComparison.Ordinal);
        Assert.Equivalent(sm2, await StatesAsync(bot), strict: true);
    }

    [Theory]
    [InlineData("0.99", "(got 0.99)")]
    [InlineData("0.5", "(got 0.5)")]
    [InlineData("98", "(got 98)")]
    public async Task A_retention_out_of_range_is_refused_naming_the_option_and_changes_nothing(string value, string echoed)
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);

        var reply = await bot.TypeAsync(Ada, $"/me retention value:{value}");

        Assert.Contains("`/me retention value:` must be from 0.70 to 0.97", reply, StringComparison.Ordinal);
        Assert.Contains(echoed, reply, StringComparison.Ordinal);
        Assert.Null(await ProfileAsync(bot, Ada));
    }

    [Fact]
    public async Task A_retention_that_is_not_a_number_is_refused_by_name()
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(Ada, "/me retention value:high");

        Assert.Contains("value", reply, StringComparison.Ordinal);
        Assert.Contains("high", reply, StringComparison.Ordinal);
        Assert.Null(await ProfileAsync(bot, Ada));
    }

    [Fact]
    public async Task Retention_is_kept_for_an_sm2_learner_without_moving_a_card_and_re_dates_an_fsrs_learner_s_cards()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Good");
        var sm2 = await StatesAsync(bot);

        var kept = await bot.TypeAsync(Ada, "/me retention value:85");
        Assert.Contains("Target retention set to 85%. You use SM-2", kept, StringComparison.Ordinal);
        Assert.Equal(0.85, (await ProfileAsync(bot, Ada))!.DesiredRetention);
        Assert.Equivalent(sm2, await StatesAsync(bot), strict: true);

        await bot.TypeAsync(Ada, "/me scheduler use:fsrs");
        var at85 = Assert.Single(await StatesAsync(bot)).Due;
        var higher = await bot.TypeAsync(Ada, "/me retention value:0.97");
        var at97 = Assert.Single(await StatesAsync(bot)).Due;

        Assert.Contains("Target retention set to 97% (1 card re-dated)", higher, StringComparison.Ordinal);
        Assert.True(at97 < at85, $"{at97:O} should come before {at85:O}");
        Assert.Contains("already is 97%", await bot.TypeAsync(Ada, "/me retention value:0.97"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_changes_during_a_pause_and_the_reply_says_how_to_end_it()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        await bot.TypeAsync(Ada, "/me pause days:3");
        var paused = await StatesAsync(bot);

        var scheduler = await bot.TypeAsync(Ada, "/me scheduler use:fsrs");
        var optimize = await bot.TypeAsync(Ada, "/me optimize");

        Assert.Contains("`/me scheduler`: you are paused until Wed 4 Mar", scheduler, StringComparison.Ordinal);
        Assert.Contains("`/me optimize`: you are paused", optimize, StringComparison.Ordinal);
        Assert.Null(await ProfileAsync(bot, Ada));
        Assert.Equivalent(paused, await StatesAsync(bot), strict: true);
    }

    [Fact]
    public async Task Optimize_with_too_few_reviews_says_how_many_it_needs_and_stores_nothing()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);

        var reply = await bot.TypeAsync(Ada, "/me optimize");

        Assert.Contains("Optimizing needs at least 400 reviews; this log has 1", reply, StringComparison.Ordinal);
        Assert.Null(await ProfileAsync(bot, Ada));
    }

    [Fact]
    public async Task Optimize_fits_a_log_made_with_known_weights_says_by_how_much_and_an_fsrs_learner_s_cards_follow_the_fit()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        var reviews = await ImportSimulatedLogAsync(bot, Ada);
        await bot.TypeAsync(Ada, "/me scheduler use:fsrs");
        var before = await StatesAsync(bot);

        var reply = await bot.TypeAsync(Ada, "/me optimize");

        Assert.Contains("the log loss fell from", reply, StringComparison.Ordinal);
        Assert.Contains("better)", reply, StringComparison.Ordinal);
        Assert.Contains("your cards were re-dated by them", reply, StringComparison.Ordinal);
        var profile = (await ProfileAsync(bot, Ada))!;
        Assert.Equal(reviews + 1, profile.FittedReviews);
        Assert.True(profile.FittedLogLoss < profile.DefaultLogLoss);
        Assert.Equal(MondayMorning, profile.FittedAt);
        var weights = FsrsProfileStore.ParseWeights(profile.Weights!);
        Assert.Equal(FsrsParameters.WeightCount, weights.Length);
        Assert.NotEqual(FsrsParameters.DefaultWeights, weights);
        Assert.NotEqual(before.Select(s => s.Due), (await StatesAsync(bot)).Select(s => s.Due));
        Assert.Contains("weights fitted to your reviews", await bot.TypeAsync(Ada, "/me show"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_weekly_fit_fits_learners_with_enough_history_once_a_week_and_leaves_the_others()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        await bot.AnswerAsync(Grace);
        await ImportSimulatedLogAsync(bot, Ada);
        var weekly = bot.Services.GetRequiredService<WeeklyFsrsFit>();

        Assert.Equal(1, await weekly.RunAsync(Ct));
        Assert.NotNull((await ProfileAsync(bot, Ada))!.FittedAt);
        Assert.Null(await ProfileAsync(bot, Grace));

        _clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await weekly.RunAsync(Ct));

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await weekly.RunAsync(Ct));
        Assert.Equal(_clock.GetUtcNow(), (await ProfileAsync(bot, Ada))!.FittedAt);
    }

    [Fact]
    public async Task A_start_on_a_database_from_before_fsrs_memory_replays_the_log_before_anything_is_served()
    {
        await using (var bot = await StartAsync())
        {
            await bot.AnswerAsync(Ada, "Good");
            _clock.Advance(TimeSpan.FromDays(2));
            await bot.AnswerAsync(Ada, "Again", "/review");
            await using var db = await bot.DbAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE CardStates SET Stability = NULL, Difficulty = NULL", Ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE ReviewLogs SET PreviousStability = NULL, PreviousDifficulty = NULL", Ct);
        }

        await using var restarted = await StartAsync();

        var state = Assert.Single(await StatesAsync(restarted));
        var expected = FsrsScheduler.ForStudyDays(FsrsParameters.Default, TimeZoneInfo.Utc)
            .Replay([(MondayMorning, FsrsRating.Good), (MondayMorning.AddDays(2), FsrsRating.Again)])!;
        Assert.Equal(expected.Stability, state.Stability!.Value, 1e-9);
        Assert.Equal(expected.Difficulty, state.Difficulty!.Value, 1e-9);
    }
}
