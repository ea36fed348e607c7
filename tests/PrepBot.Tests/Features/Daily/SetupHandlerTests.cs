using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.DiscordFrontEnd;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Daily;

/// <summary><c>/setup</c>: admins only, inside a server; bad values are refused naming the option, and change nothing.</summary>
public sealed class SetupHandlerTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-setup-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));

    public SetupHandlerTests() => DailyCards.Write(_content, "c-one", DailyCards.Concept("c-one"));

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    /// <summary>The reply as Discord shows it: channels and mentions are Discord markup only there.</summary>
    private static string OnDiscord(Reply reply) => Assert.Single(ReplyRenderer.Render(reply).Messages).Content!;

    private Task<DailyBot> StartAsync() => DailyBot.StartAsync(_content, Path.Combine(_data.FullName, "setup.db"), _time);

    [Fact]
    public async Task Setup_daily_posts_a_confirmation_in_the_channel_then_saves_and_shows_the_next_post()
    {
        await using var bot = await StartAsync();

        var reply = Assert.Single(await bot.SetupDailyAsync("09:00", "Europe/Berlin"));

        var confirmation = Assert.Single(bot.Messenger.In(DailyBot.Channel));
        Assert.Contains("every day at **09:00** (Europe/Berlin)", confirmation.Reply.Markdown, StringComparison.Ordinal);
        Assert.True(reply.IsPrivate);
        Assert.Contains($"<#{DailyBot.Channel}> at 09:00 (Europe/Berlin)", OnDiscord(reply), StringComparison.Ordinal);
        Assert.Contains("Next question: Mon 2 Mar 2026 at 09:00 (SQL)", reply.Markdown, StringComparison.Ordinal);
        var settings = await bot.SettingsAsync();
        Assert.Equal(DailyBot.Admin.UserId, settings!.UpdatedByUserId);
        Assert.Equal(new TimeOnly(9, 0), settings.PostTime);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("9")]
    [InlineData("09:60")]
    [InlineData("nine")]
    public async Task A_time_that_is_not_HH_mm_is_refused_naming_the_option_and_nothing_changes(string time)
    {
        await using var bot = await StartAsync();

        var reply = Assert.Single(await bot.SetupDailyAsync(time, "Europe/Berlin"));

        Assert.StartsWith($"⚠️ `time` of `/setup daily` must be a 24-hour time written HH:mm, e.g. `09:00` or `18:30` (got `{time}`).", reply.Markdown, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed.", reply.Markdown, StringComparison.Ordinal);
        Assert.Null(await bot.SettingsAsync());
        Assert.Empty(bot.Messenger.Posts);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("CET")]
    public async Task An_unknown_time_zone_is_refused_naming_the_option_and_nothing_changes(string zone)
    {
        await using var bot = await StartAsync();
        await bot.SetupDailyAsync("09:00", "Europe/Berlin");

        var reply = Assert.Single(await bot.SetupDailyAsync("10:00", zone));

        Assert.StartsWith($"⚠️ `timezone` of `/setup daily` must be an IANA time zone id such as `Europe/Berlin`", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains($"(got `{zone}`)", reply.Markdown, StringComparison.Ordinal);
        var settings = await bot.SettingsAsync();
        Assert.Equal("Europe/Berlin", settings!.TimeZoneId);
        Assert.Equal(new TimeOnly(9, 0), settings.PostTime);
    }

    [Fact]
    public async Task A_channel_the_bot_cannot_post_in_is_refused_naming_the_option_and_nothing_changes()
    {
        await using var bot = await StartAsync();
        bot.Messenger.Refuse("1200000000000000099");

        var reply = Assert.Single(await bot.SetupDailyAsync(channel: "1200000000000000099"));

        Assert.StartsWith("⚠️ `channel` of `/setup daily`: PrepBot cannot post in <#1200000000000000099>.", OnDiscord(reply), StringComparison.Ordinal);
        Assert.Contains("Missing Permissions, 50013", reply.Markdown, StringComparison.Ordinal);
        Assert.Null(await bot.SettingsAsync());
    }

    [Fact]
    public async Task A_member_without_Manage_Server_is_refused()
    {
        await using var bot = await StartAsync();

        var reply = Assert.Single(await bot.SetupAsync(DailyBot.Ada, "daily", ("channel", DailyBot.Channel), ("time", "09:00"), ("timezone", "UTC")));

        Assert.Equal("Only server admins (Manage Server) can use `/setup daily`.", reply.Markdown);
        Assert.Null(await bot.SettingsAsync());
    }

    [Fact]
    public async Task Setup_outside_a_server_is_refused()
    {
        await using var bot = await StartAsync();
        var inDm = DailyBot.Admin with { GuildId = null };

        var reply = Assert.Single(await bot.SetupAsync(inDm, "show"));

        Assert.Equal("`/setup show` works inside a server channel, not here.", reply.Markdown);
    }

    [Fact]
    public async Task Mix_changes_only_the_days_given_and_show_lists_them()
    {
        await using var bot = await StartAsync();

        await bot.SetupAsync("mix", ("fri", "design"), ("sun", "off"));
        var shown = Assert.Single(await bot.SetupAsync("show")).Markdown;

        Assert.Contains("Mon SQL · Tue concept · Wed design · Thu SQL · Fri design · Sat concept · Sun off", shown, StringComparison.Ordinal);
        Assert.Contains("Where and when: not set", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mix_without_any_day_or_with_an_unknown_kind_is_refused()
    {
        await using var bot = await StartAsync();

        var none = Assert.Single(await bot.SetupAsync("mix")).Markdown;
        var unknown = Assert.Single(await bot.SetupAsync("mix", ("mon", "poetry"))).Markdown;

        Assert.StartsWith("⚠️ `/setup mix` needs at least one day", none, StringComparison.Ordinal);
        Assert.Equal("`mon` of `/setup mix` must be one of `sql`, `concept`, `design`, `behavioral`, `off` (got `poetry`).", unknown);
        Assert.Null(await bot.SettingsAsync());
    }

    [Theory]
    [InlineData("2026-13-01", "must be a date written YYYY-MM-DD")]
    [InlineData("tomorrow", "must be a date written YYYY-MM-DD")]
    [InlineData("2020-01-06", "must be within a year of today")]
    public async Task A_cohort_start_that_is_not_a_date_within_a_year_is_refused(string start, string message)
    {
        await using var bot = await StartAsync();

        var reply = Assert.Single(await bot.SetupAsync("cohort", ("start", start))).Markdown;

        Assert.StartsWith("⚠️ `start` of `/setup cohort` " + message, reply, StringComparison.Ordinal);
        Assert.Null(await bot.SettingsAsync());
    }

    [Fact]
    public async Task Show_tells_the_cohort_week_pause_state_and_who_changed_it_last()
    {
        await using var bot = await StartAsync();
        await bot.SetupDailyAsync();
        await bot.SetupAsync("cohort", ("start", "2026-02-16"));

        var pausedReply = Assert.Single(await bot.SetupAsync("pause"));
        var paused = pausedReply.Markdown;

        Assert.Contains("today is week 3", paused, StringComparison.Ordinal);
        Assert.Contains("paused (`/setup resume`)", paused, StringComparison.Ordinal);
        Assert.Contains($"Last changed by <@{DailyBot.Admin.UserId}> on 2026-03-02 07:00 UTC", OnDiscord(pausedReply), StringComparison.Ordinal);
        Assert.True((await bot.SettingsAsync())!.Paused);
    }

    [Fact]
    public async Task Plan_in_a_server_follows_the_cohort_start_unless_the_learner_set_their_own()
    {
        await using var bot = await StartAsync();
        await bot.SetupAsync("cohort", ("start", "2026-02-16"));

        var followsCohort = await bot.Bot.TypeAsync(DailyBot.Ada, "/plan");
        await bot.Bot.TypeAsync(DailyBot.Ada, "/plan start:2026-03-02");
        var own = await bot.Bot.TypeAsync(DailyBot.Ada, "/plan");
        var inDm = await bot.Bot.TypeAsync(DailyBot.Ada with { GuildId = null }, "/plan");

        Assert.Contains("**Week 3 of 16", followsCohort, StringComparison.Ordinal);
        Assert.Contains("this server's cohort start", followsCohort, StringComparison.Ordinal);
        Assert.Contains("**Week 1 of 16", own, StringComparison.Ordinal);
        Assert.Contains("**Week 1 of 16", inDm, StringComparison.Ordinal);
    }
}
