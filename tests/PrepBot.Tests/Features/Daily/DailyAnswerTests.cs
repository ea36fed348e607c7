using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Daily;
using PrepBot.Learning;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Daily;

/// <summary>Answering the daily question: a private flow per learner that counts once as a review of the card.</summary>
public sealed class DailyAnswerTests : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-daily-answer-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private async Task<(DailyBot Bot, Reply Post)> PostedAsync(string cardText, string id)
    {
        DailyCards.Write(_content, id, cardText);
        var bot = await DailyBot.StartAsync(_content, Path.Combine(_data.FullName, "answer.db"), _time);
        await bot.SetupDailyAsync();
        await bot.SetupAsync("mix", [.. DailyMix.DayNames.Select(d => (d, "concept"))]);
        await bot.RunAsync(Monday);
        _time.Advance(TimeSpan.FromMinutes(5));
        return (bot, Assert.Single(bot.Questions).Reply);
    }

    private static async Task<CardStateSnapshot> StateAsync(DailyBot bot, LearnerIdentity who, string cardId)
    {
        var learner = await bot.Bot.Services.GetRequiredService<LearnerStore>()
            .GetOrCreateAsync(who.Platform, who.UserId, who.DisplayName, who.DefaultTimeZoneId, TestContext.Current.CancellationToken);
        return await bot.Bot.Services.GetRequiredService<ReviewStore>().GetStateAsync(learner.Id, cardId, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Picking_the_right_choice_records_a_review_and_a_second_pick_is_not_counted_again()
    {
        var (bot, post) = await PostedAsync(DailyCards.Choice("mc-one"), "mc-one");
        await using var _ = bot;
        Assert.NotNull(post.Select);

        var right = post.Select!.Options.Single(o => o.Label.EndsWith("Right one of mc-one", StringComparison.Ordinal)).Value;
        var wrong = post.Select.Options.First(o => o.Value != right).Value;

        var first = await bot.Bot.SendAsync(DailyBot.Ada, new SelectInput(post.Select.CustomId, [right]));
        var second = await bot.Bot.SendAsync(DailyBot.Ada, new SelectInput(post.Select.CustomId, [wrong]));

        Assert.Contains("✅ **Correct.**", first[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Recorded **Good**", first[0].Markdown, StringComparison.Ordinal);
        Assert.StartsWith("You already answered this daily question (recorded **Good**)", second[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Right one of mc-one", second[0].Spoiler, StringComparison.Ordinal);
        var state = await StateAsync(bot, DailyBot.Ada, "mc-one");
        Assert.Equal(1, state.Version);
        Assert.Equal(1, state.Repetitions);
    }

    [Fact]
    public async Task Reveal_and_grade_runs_privately_through_the_study_flow_and_enrols_the_learner()
    {
        var (bot, post) = await PostedAsync(DailyCards.Concept("c-one"), "c-one");
        await using var _ = bot;

        var revealed = await bot.Bot.SendAsync(DailyBot.Ada, new ButtonInput(StudyActions.Button([post], "Reveal & grade myself").CustomId));
        var graded = await bot.Bot.SendAsync(DailyBot.Ada, new ButtonInput(StudyActions.Button(revealed, "Hard").CustomId));

        Assert.True(revealed[0].IsPrivate);
        Assert.Contains("Answer of c-one.", revealed[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Recorded **Hard**", graded[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(1, (await StateAsync(bot, DailyBot.Ada, "c-one")).Version);
    }

    [Fact]
    public async Task Write_an_answer_opens_the_answer_form_and_the_submitted_answer_is_shown_beside_the_reference()
    {
        var (bot, post) = await PostedAsync(DailyCards.Concept("c-one"), "c-one");
        await using var _ = bot;

        var form = await bot.Bot.SendAsync(DailyBot.Ada, new ButtonInput(StudyActions.Button([post], "Write an answer").CustomId));
        var modal = form[0].Modal!;
        var revealed = await bot.Bot.SendAsync(DailyBot.Ada, new ModalInput(modal.CustomId, new Dictionary<string, string> { ["answer"] = "My take on c-one" }));

        Assert.Contains("My take on c-one", revealed[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Answer of c-one.", revealed[0].Markdown, StringComparison.Ordinal);
        Assert.Contains(revealed[0].Buttons, b => b.Label == "Good");
    }

    [Fact]
    public async Task Two_learners_each_answer_once_in_their_own_flow()
    {
        var (bot, post) = await PostedAsync(DailyCards.Concept("c-one"), "c-one");
        await using var _ = bot;
        var grace = DailyBot.Ada with { UserId = "1400000000000000003", DisplayName = "Grace" };

        var adaRevealed = await bot.Bot.SendAsync(DailyBot.Ada, new ButtonInput(StudyActions.Button([post], "Reveal & grade myself").CustomId));
        var graceRevealed = await bot.Bot.SendAsync(grace, new ButtonInput(StudyActions.Button([post], "Reveal & grade myself").CustomId));
        var graceOnAdas = await bot.Bot.SendAsync(grace, new ButtonInput(StudyActions.Button(adaRevealed, "Good").CustomId));
        await bot.Bot.SendAsync(grace, new ButtonInput(StudyActions.Button(graceRevealed, "Easy").CustomId));

        Assert.StartsWith("This question was sent to someone else.", graceOnAdas[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(0, (await StateAsync(bot, DailyBot.Ada, "c-one")).Version);
        Assert.Equal(1, (await StateAsync(bot, grace, "c-one")).Version);
    }

    [Fact]
    public async Task Show_answer_replies_privately_with_the_answer_as_a_spoiler_and_records_nothing()
    {
        var (bot, post) = await PostedAsync(DailyCards.Concept("c-one"), "c-one");
        await using var _ = bot;

        var shown = Assert.Single(await bot.Bot.SendAsync(DailyBot.Ada, new ButtonInput(StudyActions.Button([post], "Show answer").CustomId)));

        Assert.True(shown.IsPrivate);
        Assert.Contains("Answer of c-one.", shown.Spoiler, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer of c-one.", shown.Markdown, StringComparison.Ordinal);
        Assert.Equal(0, (await StateAsync(bot, DailyBot.Ada, "c-one")).Version);
    }

    [Fact]
    public async Task A_click_from_another_server_is_refused()
    {
        var (bot, post) = await PostedAsync(DailyCards.Concept("c-one"), "c-one");
        await using var _ = bot;
        var elsewhere = DailyBot.Ada with { GuildId = "1200000000000000777" };

        var reply = Assert.Single(await bot.Bot.SendAsync(elsewhere, new ButtonInput(StudyActions.Button([post], "Reveal & grade myself").CustomId)));

        Assert.Equal("This daily question belongs to another server; answer the one posted in yours.", reply.Markdown);
    }

    [Theory]
    [InlineData("daily:r:999")]
    public async Task A_click_on_a_daily_question_PrepBot_does_not_know_says_so(string customId)
    {
        var (bot, _) = await PostedAsync(DailyCards.Concept("c-one"), "c-one");
        await using var __ = bot;

        var reply = Assert.Single(await bot.Bot.SendAsync(DailyBot.Ada, new ButtonInput(customId)));

        Assert.StartsWith("PrepBot no longer knows this daily question.", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_daily_id_gets_the_routers_does_not_recognise_reply()
    {
        var (bot, _) = await PostedAsync(DailyCards.Concept("c-one"), "c-one");
        await using var __ = bot;

        var reply = Assert.Single(await bot.Bot.SendAsync(DailyBot.Ada, new ButtonInput("daily:zz:1")));

        Assert.StartsWith("PrepBot does not recognise that button", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_post_carries_answer_buttons_by_kind_with_daily_ids()
    {
        DailyCards.Write(_content, "d-one", DailyCards.Design("d-one"));
        var (bot, choice) = await PostedAsync(DailyCards.Choice("mc-one"), "mc-one");
        await using var _ = bot;

        Assert.StartsWith("daily:c:", choice.Select!.CustomId, StringComparison.Ordinal);
        Assert.Equal(["Show answer"], choice.Buttons.Select(b => b.Label));
        Assert.All(choice.Buttons, b => Assert.StartsWith("daily:", b.CustomId, StringComparison.Ordinal));
        Assert.Contains("📅 **Daily question** · Mon 2 Mar 2026", choice.Markdown, StringComparison.Ordinal);
        Assert.Equal(DailyPostState.Posted, (await bot.PostsAsync())[0].State);
    }
}
