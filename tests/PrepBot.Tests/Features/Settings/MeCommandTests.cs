using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Settings;

/// <summary><c>/me</c>: time zone, daily caps, pause and forget, through the router on a fake clock.</summary>
public sealed class MeCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly LearnerIdentity Ada = BotHarness.Ada;
    private static readonly LearnerIdentity Grace = BotHarness.Grace;

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-me-");
    private readonly FakeTimeProvider _clock = new(MondayMorning);
    private readonly RecordingMessenger _messenger = new();

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

    private static async Task<DateTimeOffset> DueAsync(SettingsBot bot, string cardId)
    {
        await using var db = await bot.DbAsync();
        return await db.CardStates.Where(s => s.CardId == cardId).Select(s => s.Due).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_with_a_suggestion_and_changes_nothing()
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(Ada, "/me timezone timezone:Europe/Berln");

        Assert.Contains("`Europe/Berln` is not a time zone", reply, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", reply, StringComparison.Ordinal);
        await using var db = await bot.DbAsync();
        Assert.Equal("Etc/UTC", await db.Learners.Select(l => l.TimeZoneId).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_time_zone_change_is_stored_and_shown()
    {
        await using var bot = await StartAsync();

        await bot.TypeAsync(Ada, "/me timezone timezone:Asia/Tokyo");

        Assert.Contains("`Asia/Tokyo` (it is Mon 2 Mar, 19:00 there)", await bot.TypeAsync(Ada, "/me show"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_time_that_is_not_a_time_is_refused_naming_the_option()
    {
        await using var bot = await StartAsync();

        var reply = await bot.TypeAsync(Ada, "/me reminder time:25:00");

        Assert.Contains("`/me reminder time:` `25:00` is not a time", reply, StringComparison.Ordinal);
        Assert.Null(await bot.SettingsAsync(Ada));
    }

    [Fact]
    public async Task The_new_card_cap_stops_quiz_handing_out_new_cards_until_the_next_day()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me cap new:1");
        await bot.AnswerAsync(Ada, "Easy");

        var capped = await bot.TypeAsync(Ada, "/quiz");
        _clock.Advance(TimeSpan.FromHours(18)); // Tuesday 04:00: a new study day
        var nextDay = await bot.SendAsync(Ada, CommandLine.Parse("/quiz"));

        Assert.Contains("You reached today's cap", capped, StringComparison.Ordinal);
        Assert.Contains(nextDay[0].Buttons, b => b.Label == "Reveal answer");
    }

    [Fact]
    public async Task The_review_cap_ends_the_review_session_and_review_says_why()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        await bot.AnswerAsync(Ada);
        _clock.Advance(TimeSpan.FromDays(1));
        await bot.TypeAsync(Ada, "/me cap reviews:1");

        var question = await bot.SendAsync(Ada, CommandLine.Parse("/review"));
        var revealed = await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button(question, "Reveal answer").CustomId));
        var graded = await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button(revealed, "Good").CustomId));
        var again = await bot.TypeAsync(Ada, "/review");

        Assert.Contains("Daily cap reached", Assert.Single(graded).Markdown, StringComparison.Ordinal);
        Assert.Contains("daily cap of 1 reviews", again, StringComparison.Ordinal);
        Assert.Contains("1 more card is due", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pause_moves_reviews_due_in_it_out_by_its_length_and_records_the_days()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada); // due Tuesday 04:00

        var reply = await bot.TypeAsync(Ada, "/me pause days:3");

        Assert.Contains("Paused until Wed 4 Mar", reply, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 4, 0, 0, TimeSpan.Zero), await DueAsync(bot, "concept-idempotency"));
        await using var db = await bot.DbAsync();
        var pause = await db.LearnerPauses.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4)), (pause.FirstDay, pause.LastDay));
    }

    [Fact]
    public async Task Ending_a_pause_early_moves_the_cards_back_by_the_unused_days_and_shortens_the_pause()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada); // due Tuesday 04:00
        await bot.TypeAsync(Ada, "/me pause days:3"); // Mon–Wed; card moved to Friday

        _clock.Advance(TimeSpan.FromDays(1)); // back on Tuesday
        var reply = await bot.TypeAsync(Ada, "/me pause days:0");

        Assert.Contains("Welcome back", reply, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 4, 0, 0, TimeSpan.Zero), await DueAsync(bot, "concept-idempotency"));
        await using var db = await bot.DbAsync();
        var pause = await db.LearnerPauses.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2026, 3, 2), pause.LastDay);
    }

    [Fact]
    public async Task Ending_a_pause_the_day_it_started_removes_it_and_restores_the_due_date()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        await bot.TypeAsync(Ada, "/me pause days:5");

        await bot.TypeAsync(Ada, "/me pause days:0");

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 4, 0, 0, TimeSpan.Zero), await DueAsync(bot, "concept-idempotency"));
        await using var db = await bot.DbAsync();
        Assert.Empty(await db.LearnerPauses.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Show_explains_a_pause_and_the_settings()
    {
        await using var bot = await StartAsync();
        await bot.TypeAsync(Ada, "/me cap reviews:20 new:5");
        await bot.TypeAsync(Ada, "/me pause days:2");

        var show = await bot.TypeAsync(Ada, "/me show");

        Assert.Contains("reviews 20 a day (0 today), new cards 5 a day (0 today)", show, StringComparison.Ordinal);
        Assert.Contains("paused until Tue 3 Mar", show, StringComparison.Ordinal);
        Assert.Contains("daily at 18:00 when reviews are due (the default)", show, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_deletes_every_row_about_the_learner_in_every_table_and_keeps_others()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada, "Again");
        await bot.AnswerAsync(Grace);
        await bot.TypeAsync(Ada, "/me cap reviews:10");
        await bot.TypeAsync(Ada, "/me pause days:1");
        var adaId = await bot.LearnerIdAsync(Ada);

        var ask = await bot.SendAsync(Ada, CommandLine.Parse("/me forget"));
        var done = await bot.SendAsync(Ada, new ButtonInput(StudyActions.Button(ask, "Delete all my data").CustomId));

        Assert.Contains("everything PrepBot stored about you is deleted", done[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(0, await RowsAboutAsync(bot, adaId));
        Assert.True(await RowsAboutAsync(bot, await bot.LearnerIdAsync(Grace)) > 2);
    }

    [Fact]
    public async Task A_stale_forget_button_deletes_nothing_and_enrols_no_one()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        var ask = await bot.SendAsync(Ada, CommandLine.Parse("/me forget"));
        var confirm = new ButtonInput(StudyActions.Button(ask, "Delete all my data").CustomId);
        await bot.SendAsync(Ada, confirm);

        var again = await bot.SendAsync(Ada, confirm);

        Assert.Contains("stores nothing about you", again[0].Markdown, StringComparison.Ordinal);
        await using var db = await bot.DbAsync();
        Assert.Empty(await db.Learners.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_forget_button_for_an_earlier_enrolment_does_not_delete_the_new_one()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        var ask = await bot.SendAsync(Ada, CommandLine.Parse("/me forget"));
        var confirm = new ButtonInput(StudyActions.Button(ask, "Delete all my data").CustomId);
        await bot.SendAsync(Ada, confirm);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await bot.AnswerAsync(Ada); // enrolled again (SQLite may even reuse the row id)

        var stale = await bot.SendAsync(Ada, confirm);

        Assert.Contains("deletes nothing", stale[0].Markdown, StringComparison.Ordinal);
        Assert.True(await RowsAboutAsync(bot, await bot.LearnerIdAsync(Ada)) > 0);
    }

    [Fact]
    public async Task Someone_else_clicking_the_forget_button_is_refused()
    {
        await using var bot = await StartAsync();
        await bot.AnswerAsync(Ada);
        await bot.AnswerAsync(Grace);
        var ask = await bot.SendAsync(Ada, CommandLine.Parse("/me forget"));

        var refused = await bot.SendAsync(Grace, new ButtonInput(StudyActions.Button(ask, "Delete all my data").CustomId));

        Assert.Contains("not made for you", refused[0].Markdown, StringComparison.Ordinal);
        await using var db = await bot.DbAsync();
        Assert.Equal(2, await db.Learners.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_malformed_me_button_gets_the_unrecognised_reply()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SendAsync(Ada, new ButtonInput("me:forget:1:x:2"));

        Assert.Contains("does not recognise that button", reply[0].Markdown, StringComparison.Ordinal);
    }

    /// <summary>Rows that name the learner in any table with a LearnerId column, plus their Learners row.</summary>
    private static async Task<long> RowsAboutAsync(SettingsBot bot, long learnerId)
    {
        await using var db = await bot.DbAsync();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
            await using var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        long total = 0;
        foreach (var table in tables)
        {
            await using var columns = connection.CreateCommand();
            columns.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = 'LearnerId'";
            var hasLearner = (long)(await columns.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
            await using var count = connection.CreateCommand();
            count.CommandText = hasLearner ? $"SELECT COUNT(*) FROM \"{table}\" WHERE LearnerId = $id"
                : table == nameof(PrepBotDbContext.Learners) ? "SELECT COUNT(*) FROM Learners WHERE Id = $id" : "SELECT 0";
            count.Parameters.AddWithValue("$id", learnerId);
            total += (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        Assert.Contains(nameof(PrepBotDbContext.LearnerSettings), tables);
        return total;
    }
}
