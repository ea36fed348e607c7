using Microsoft.Extensions.Time.Testing;
using PrepBot.Data;
using PrepBot.Features.Daily;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Daily;

/// <summary>A server's question of a day: posted once, from the right pool, never repeated too soon, answer revealed the next day.</summary>
public sealed class DailyPostServiceTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-daily-");

    // Monday 2 March 2026, 08:00 UTC = 09:00 in Berlin.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private static readonly DateOnly Monday = new(2026, 3, 2);

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<DailyBot> StartAsync() => DailyBot.StartAsync(_content, Path.Combine(_data.FullName, "daily.db"), _time);

    private async Task<DailyBot> ConfiguredAsync(params string[] conceptIds)
    {
        foreach (var id in conceptIds)
        {
            DailyCards.Write(_content, id, DailyCards.Concept(id));
        }

        var bot = await StartAsync();
        await bot.SetupDailyAsync();
        await bot.SetupAsync("mix", [.. DailyMix.DayNames.Select(d => (d, "concept"))]);
        return bot;
    }

    [Fact]
    public async Task Running_the_same_day_twice_posts_one_question()
    {
        await using var bot = await ConfiguredAsync("c-one", "c-two");

        await bot.RunAsync(Monday);
        await bot.RunAsync(Monday);

        var question = Assert.Single(bot.Questions);
        Assert.Contains("Question of c-", question.Reply.Markdown, StringComparison.Ordinal);
        Assert.False(question.Reply.IsPrivate);
        Assert.Equal(DailyPostState.Posted, Assert.Single(await bot.PostsAsync()).State);
    }

    [Fact]
    public async Task A_crash_between_sending_and_recording_resends_with_the_same_nonce_and_Discord_keeps_one_message()
    {
        await using var bot = await ConfiguredAsync("c-one", "c-two");
        bot.Messenger.CrashAfterNextPost();

        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.RunAsync(Monday));
        Assert.Equal(DailyPostState.Claimed, Assert.Single(await bot.PostsAsync()).State);
        await bot.RunAsync(Monday);

        var question = Assert.Single(bot.Questions);
        var post = Assert.Single(await bot.PostsAsync());
        Assert.Equal(DailyPostState.Posted, post.State);
        Assert.Equal(question.MessageId, post.MessageId);
        Assert.Equal(post.Nonce, question.Nonce);
    }

    [Fact]
    public void The_nonce_fits_in_20_characters_for_the_largest_server_id_and_differs_per_day()
    {
        var first = DailyPostService.Nonce("dq", ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2999, 12, 31));
        var other = DailyPostService.Nonce("dq", ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2999, 12, 30));

        Assert.True(first.Length <= 20, first);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_card_is_not_asked_again_until_every_card_of_its_pool_was_then_the_oldest_comes_back()
    {
        await using var bot = await ConfiguredAsync("c-a", "c-b", "c-c");

        var asked = new List<string>();
        for (var day = 0; day < 4; day++)
        {
            await bot.RunAsync(Monday.AddDays(day));
            asked.Add((await bot.PostsAsync())[^1].CardId);
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(3, asked.Take(3).Distinct().Count());
        Assert.Equal(asked[0], asked[3]);
    }

    [Fact]
    public async Task Questions_come_from_the_cohorts_current_week_and_earlier_never_a_later_week()
    {
        DailyCards.Write(_content, "week-one", DailyCards.Concept("week-one", week: 1));
        DailyCards.Write(_content, "week-three", DailyCards.Concept("week-three", week: 3));
        await using var bot = await ConfiguredAsync();
        await bot.SetupAsync("cohort", ("start", "2026-02-23"));

        await bot.RunAsync(Monday);
        _time.Advance(TimeSpan.FromDays(1));
        await bot.RunAsync(Monday.AddDays(1));

        Assert.All(await bot.PostsAsync(), post => Assert.Equal("week-one", post.CardId));
        Assert.Contains("week 2 of the cohort", bot.Questions[0].Reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_cohort_start_every_week_is_in_the_pool()
    {
        DailyCards.Write(_content, "week-one", DailyCards.Concept("week-one", week: 1));
        DailyCards.Write(_content, "week-nine", DailyCards.Concept("week-nine", week: 9));
        await using var bot = await ConfiguredAsync();

        await bot.RunAsync(Monday);
        _time.Advance(TimeSpan.FromDays(1));
        await bot.RunAsync(Monday.AddDays(1));

        Assert.Equal(["week-nine", "week-one"], (await bot.PostsAsync()).Select(p => p.CardId));
    }

    [Fact]
    public async Task The_days_kind_comes_from_the_mix_and_a_kind_without_cards_falls_back_to_any_kind()
    {
        DailyCards.Write(_content, "a-design", DailyCards.Design("a-design"));
        DailyCards.Write(_content, "a-concept", DailyCards.Concept("a-concept"));
        await using var bot = await StartAsync();
        await bot.SetupDailyAsync();
        await bot.SetupAsync("mix", ("mon", "design"), ("tue", "behavioral"));

        await bot.RunAsync(Monday);
        _time.Advance(TimeSpan.FromDays(1));
        await bot.RunAsync(Monday.AddDays(1));

        Assert.Equal(["a-design", "a-concept"], (await bot.PostsAsync()).Select(p => p.CardId));
    }

    [Fact]
    public async Task A_day_off_in_the_mix_posts_nothing()
    {
        await using var bot = await ConfiguredAsync("c-one");
        await bot.SetupAsync("mix", ("mon", "off"));

        await bot.RunAsync(Monday);

        Assert.Empty(bot.Questions);
        Assert.Empty(await bot.PostsAsync());
    }

    [Fact]
    public async Task A_paused_server_gets_nothing_until_resumed()
    {
        await using var bot = await ConfiguredAsync("c-one");
        await bot.SetupAsync("pause");

        await bot.RunAsync(Monday);
        Assert.Empty(bot.Questions);

        await bot.SetupAsync("resume");
        await bot.RunAsync(Monday);
        Assert.Single(bot.Questions);
    }

    [Fact]
    public async Task A_day_that_is_over_in_the_servers_zone_is_never_posted_later()
    {
        await using var bot = await ConfiguredAsync("c-one");

        await bot.RunAsync(Monday.AddDays(-1));

        Assert.Empty(bot.Questions);
        Assert.Empty(await bot.PostsAsync());
    }

    [Fact]
    public async Task The_next_days_question_posts_the_previous_answer_in_the_previous_thread()
    {
        await using var bot = await ConfiguredAsync("c-one", "c-two");
        await bot.RunAsync(Monday);
        var thread = Assert.Single(bot.Messenger.Threads);
        Assert.Contains("Daily Mon 2 Mar", thread.Name, StringComparison.Ordinal);
        var first = (await bot.PostsAsync())[0];

        _time.Advance(TimeSpan.FromDays(1));
        await bot.RunAsync(Monday.AddDays(1));

        var reveal = Assert.Single(bot.Messenger.In(thread.ThreadId));
        Assert.Contains($"Answer of {first.CardId}.", reveal.Reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("Answer to the question of Mon 2 Mar 2026", reveal.Reply.Markdown, StringComparison.Ordinal);
        Assert.Equal(DailyPostState.Revealed, (await bot.PostsAsync())[0].State);
        Assert.Equal(2, bot.Messenger.Threads.Count);
    }

    [Fact]
    public async Task A_channel_that_refuses_the_post_leaves_the_day_claimed_for_a_retry()
    {
        await using var bot = await ConfiguredAsync("c-one");
        bot.Messenger.Refuse(DailyBot.Channel);

        await bot.RunAsync(Monday);

        Assert.Equal(DailyPostState.Claimed, Assert.Single(await bot.PostsAsync()).State);
    }
}
