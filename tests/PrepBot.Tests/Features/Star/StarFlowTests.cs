using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.DiscordFrontEnd;
using PrepBot.Features.Star;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Star;

/// <summary>/star and the story bank through the router, on the real host with a real SQLite file.</summary>
public sealed class StarFlowTests : IAsyncLifetime
{
    public const string Ambiguous = "behavioral-ambiguous-data-request";
    public const string Conflict = "behavioral-conflict-with-teammate";

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-star-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));
    private BotHarness _bot = null!;

    public async ValueTask InitializeAsync()
    {
        CopyBundledPrompts(_content);
        _bot = await BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "star.db"), _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    /// <summary>Two bundled behavioural prompts: ambiguous-data-request (week 1, easy) is served first, then conflict-with-teammate.</summary>
    internal static void CopyBundledPrompts(TempContentFolder content)
    {
        foreach (var name in (string[])["ambiguous-data-request.md", "conflict-with-teammate.md"])
        {
            content.Write("behavioral/" + name, File.ReadAllText(Path.Combine(RepositoryFolders.Content, "behavioral", name)));
        }
    }

    internal static Dictionary<string, string> Fields(StarAnswer answer) => new()
    {
        [StarHandler.SituationField] = answer.Situation,
        [StarHandler.TaskField] = answer.Task,
        [StarHandler.ActionField] = answer.Action,
        [StarHandler.ResultField] = answer.Result,
        [StarHandler.LearnedField] = answer.Learned ?? string.Empty,
    };

    private async Task<Reply> SendOneAsync(LearnerIdentity who, UserInput input) => Assert.Single(await _bot.SendAsync(who, input));

    private Task<Reply> TypeAsync(LearnerIdentity who, string command) => SendOneAsync(who, CommandLine.Parse(command));

    private async Task<ModalRequest> OpenFormAsync(LearnerIdentity who, Reply prompt)
    {
        var form = await SendOneAsync(who, new ButtonInput(StudyActions.Button([prompt], "Write my answer").CustomId));
        return form.Modal ?? throw new InvalidOperationException("Write my answer did not open a form: " + form.Markdown);
    }

    private Task<Reply> SubmitAsync(LearnerIdentity who, ModalRequest form, StarAnswer answer) =>
        SendOneAsync(who, new ModalInput(form.CustomId, Fields(answer)));

    private async Task<(List<StarStory> Stories, List<ReviewLog> Reviews, List<CardState> States)> DatabaseAsync()
    {
        var factory = _bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;
        return (await db.StarStories.ToListAsync(ct), await db.ReviewLogs.ToListAsync(ct), await db.CardStates.ToListAsync(ct));
    }

    [Fact]
    public async Task Star_offers_a_new_behavioural_prompt_and_a_form_with_the_four_parts_and_what_you_learned()
    {
        var prompt = await TypeAsync(BotHarness.Ada, "/star");
        var form = await OpenFormAsync(BotHarness.Ada, prompt);

        Assert.Contains("new prompt", prompt.Markdown, StringComparison.Ordinal);
        Assert.Contains("Turning a vague data request into something useful", prompt.Markdown, StringComparison.Ordinal);
        Assert.Null(prompt.Select);
        Assert.Equal(
            [StarHandler.SituationField, StarHandler.TaskField, StarHandler.ActionField, StarHandler.ResultField, StarHandler.LearnedField],
            form.Fields.Select(f => f.Id));
        Assert.All(form.Fields, f => Assert.True(f.IsParagraph && !f.IsRequired && f.MaxLength == 4000 && f.Value is null));
    }

    [Fact]
    public async Task Submitted_answer_gets_feedback_is_saved_and_grades_the_card_once_even_if_submitted_twice()
    {
        var prompt = await TypeAsync(BotHarness.Ada, "/star competency:conflict");
        var form = await OpenFormAsync(BotHarness.Ada, prompt);

        var feedback = await SubmitAsync(BotHarness.Ada, form, StarExamples.NoNumbers);
        var again = await SubmitAsync(BotHarness.Ada, form, StarExamples.NoNumbers);

        Assert.True(feedback.IsPrivate);
        Assert.Contains("**STAR feedback — A technical disagreement with a teammate**", feedback.Markdown, StringComparison.Ordinal);
        Assert.Contains("Result 60", feedback.Markdown, StringComparison.Ordinal);
        Assert.Contains("Put a number on \"The combined design shipped on time.\"", feedback.Markdown, StringComparison.Ordinal);
        Assert.Contains("Graded **Good**", feedback.Markdown, StringComparison.Ordinal);
        Assert.Contains("Saved to your story bank as **#1**", feedback.Markdown, StringComparison.Ordinal);
        Assert.Contains("already recorded", again.Markdown, StringComparison.Ordinal);
        var (stories, reviews, states) = await DatabaseAsync();
        var story = Assert.Single(stories);
        Assert.Equal((Conflict, "conflict,collaboration,communication"), (story.CardId, story.Competencies));
        Assert.Equal(StarExamples.UnmeasuredResult, story.Result);
        var review = Assert.Single(reviews);
        Assert.Equal((Conflict, 4), (review.CardId, review.Quality));
        var state = Assert.Single(states);
        Assert.Equal((1, 1), (state.Version, state.Repetitions));
    }

    [Fact]
    public async Task Stories_list_shows_competencies_prompt_score_and_date()
    {
        var form = await OpenFormAsync(BotHarness.Ada, await TypeAsync(BotHarness.Ada, "/star competency:conflict"));
        await SubmitAsync(BotHarness.Ada, form, StarExamples.Strong);

        var list = await TypeAsync(BotHarness.Ada, "/stories list");

        Assert.Contains("**Your story bank** — 1 story", list.Markdown, StringComparison.Ordinal);
        Assert.Contains("**#1** · 2 Mar 2026 · 100/100 · conflict, collaboration, communication — *A technical disagreement with a teammate*", list.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_story_bank_says_how_to_fill_it()
    {
        var list = await TypeAsync(BotHarness.Ada, "/stories list");

        Assert.StartsWith("Your story bank is empty.", list.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_prompt_comes_first_once_its_review_is_due()
    {
        var form = await OpenFormAsync(BotHarness.Ada, await TypeAsync(BotHarness.Ada, "/star competency:conflict"));
        await SubmitAsync(BotHarness.Ada, form, StarExamples.Strong);
        _time.Advance(TimeSpan.FromDays(2));

        var next = await TypeAsync(BotHarness.Ada, "/star");

        Assert.Contains("due for review", next.Markdown, StringComparison.Ordinal);
        Assert.Contains("A technical disagreement with a teammate", next.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Star_serves_a_bundled_prompt_for_every_competency_the_star_rules_know()
    {
        using var content = new TempContentFolder();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFolders.Content, "behavioral"), "*.md"))
        {
            content.Write("behavioral/" + Path.GetFileName(file), File.ReadAllText(file));
        }

        var data = Directory.CreateTempSubdirectory("prepbot-star-all-");
        try
        {
            await using var bot = await BotHarness.StartAsync(content.ContentDirectory, Path.Combine(data.FullName, "star.db"), _time);
            foreach (var competency in StarRules.CompetencySignals.Keys)
            {
                var prompt = Assert.Single(await bot.SendAsync(BotHarness.Ada, CommandLine.Parse("/star competency:" + competency)));

                Assert.StartsWith("**STAR drill** · new prompt · ", prompt.Markdown, StringComparison.Ordinal);
                Assert.Contains(competency, prompt.Markdown.Split('\n')[0].Split(" · ")[^1].Split(", "));
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_competency_is_refused_with_a_suggestion_and_the_list()
    {
        var reply = await TypeAsync(BotHarness.Ada, "/star competency:conflit");

        Assert.StartsWith("No behavioural prompt lists the competency `conflit`. Did you mean `conflict`?", reply.Markdown, StringComparison.Ordinal);
        Assert.Contains("`ambiguity`", reply.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_story_can_be_chosen_on_another_prompt_and_fills_its_form()
    {
        var first = await OpenFormAsync(BotHarness.Ada, await TypeAsync(BotHarness.Ada, "/star competency:conflict"));
        await SubmitAsync(BotHarness.Ada, first, StarExamples.Strong);

        var prompt = await TypeAsync(BotHarness.Ada, "/star competency:ambiguity");
        var select = prompt.Select!;
        var option = Assert.Single(select.Options);
        var form = (await SendOneAsync(BotHarness.Ada, new SelectInput(select.CustomId, [option.Value]))).Modal!;
        var feedback = await SubmitAsync(BotHarness.Ada, form, StarExamples.Strong);

        Assert.Equal("Start from a saved story", select.Placeholder);
        Assert.Equal("#1 · conflict, collaboration, communication", option.Label);
        Assert.Contains("Turning a vague data request", form.Title, StringComparison.Ordinal);
        Assert.Equal(StarExamples.Situation, form.Fields.Single(f => f.Id == StarHandler.SituationField).Value);
        Assert.Equal(StarExamples.Result, form.Fields.Single(f => f.Id == StarHandler.ResultField).Value);
        Assert.Contains("Saved to your story bank as **#2**", feedback.Markdown, StringComparison.Ordinal);
        Assert.Equal([Conflict, Ambiguous], (await DatabaseAsync()).Stories.OrderBy(s => s.Id).Select(s => s.CardId));
    }

    [Fact]
    public async Task Someone_elses_story_cannot_be_reused_through_a_crafted_select()
    {
        var first = await OpenFormAsync(BotHarness.Ada, await TypeAsync(BotHarness.Ada, "/star competency:conflict"));
        await SubmitAsync(BotHarness.Ada, first, StarExamples.Strong);
        var gracePrompt = await TypeAsync(BotHarness.Grace, "/star");
        var graceToken = StarToken.TryParse(StudyActions.Button([gracePrompt], "Write my answer").CustomId, out var token) ? token : null;

        var reply = await SendOneAsync(BotHarness.Grace, new SelectInput(graceToken!.With(StarAction.Reuse).Format(), ["1"]));

        Assert.Equal("You have no saved story `1`. `/stories list` shows yours.", reply.Markdown);
    }

    [Fact]
    public async Task Delete_removes_your_own_story_from_the_database_and_refuses_anyone_elses()
    {
        var form = await OpenFormAsync(BotHarness.Ada, await TypeAsync(BotHarness.Ada, "/star"));
        await SubmitAsync(BotHarness.Ada, form, StarExamples.Strong);

        var byGrace = await TypeAsync(BotHarness.Grace, "/stories delete id:1");
        var stillThere = (await DatabaseAsync()).Stories.Count;
        var byAda = await TypeAsync(BotHarness.Ada, "/stories delete id:1");
        var twice = await TypeAsync(BotHarness.Ada, "/stories delete id:1");

        Assert.Equal("You have no story #1. `/stories list` shows yours.", byGrace.Markdown);
        Assert.Equal(1, stillThere);
        Assert.Equal("Deleted story **#1**: it is gone from the database.", byAda.Markdown);
        Assert.Equal("You have no story #1. `/stories list` shows yours.", twice.Markdown);
        Assert.Empty((await DatabaseAsync()).Stories);
    }

    [Fact]
    public async Task Deleting_the_learner_deletes_their_stories_with_them()
    {
        var form = await OpenFormAsync(BotHarness.Ada, await TypeAsync(BotHarness.Ada, "/star"));
        await SubmitAsync(BotHarness.Ada, form, StarExamples.Strong);
        var factory = _bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        var ct = TestContext.Current.CancellationToken;

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Learners.Where(l => l.PlatformUserId == BotHarness.Ada.UserId).ExecuteDeleteAsync(ct);
        }

        Assert.Empty((await DatabaseAsync()).Stories);
    }

    [Fact]
    public async Task Button_sent_to_someone_else_is_refused()
    {
        var prompt = await TypeAsync(BotHarness.Ada, "/star");

        var reply = await SendOneAsync(BotHarness.Grace, new ButtonInput(StudyActions.Button([prompt], "Write my answer").CustomId));

        Assert.Equal("This STAR prompt was sent to someone else. Start your own with `/star`.", reply.Markdown);
    }

    [Fact]
    public async Task Empty_form_is_not_judged_graded_or_saved()
    {
        var form = await OpenFormAsync(BotHarness.Ada, await TypeAsync(BotHarness.Ada, "/star"));

        var reply = await SubmitAsync(BotHarness.Ada, form, new StarAnswer("", " ", "", ""));

        Assert.StartsWith("Situation, Task, Action and Result are all empty", reply.Markdown, StringComparison.Ordinal);
        var (stories, reviews, _) = await DatabaseAsync();
        Assert.Empty(stories);
        Assert.Empty(reviews);
    }

    [Fact]
    public async Task Timed_drill_shows_a_live_two_minute_countdown_and_notes_the_time_taken()
    {
        var prompt = await TypeAsync(BotHarness.Ada, "/star timed:true");
        var end = _time.GetUtcNow().AddMinutes(2).ToUnixTimeSeconds();
        _time.Advance(TimeSpan.FromSeconds(130));
        var form = await OpenFormAsync(BotHarness.Ada, prompt);
        _time.Advance(TimeSpan.FromSeconds(20));

        var feedback = await SubmitAsync(BotHarness.Ada, form, StarExamples.Strong);

        Assert.Contains($"**2-minute timer**: time is up <t:{end}:R>.", Assert.Single(ReplyRenderer.Render(prompt).Messages).Content, StringComparison.Ordinal);
        Assert.Contains("⏱ Time taken: 2 min 30 s from the prompt to submitting (the timer was 2 min).", feedback.Markdown, StringComparison.Ordinal);
        Assert.Equal(150, Assert.Single((await DatabaseAsync()).Stories).SecondsTaken);
    }

    [Fact]
    public async Task Another_prompt_button_runs_star_again()
    {
        var form = await OpenFormAsync(BotHarness.Ada, await TypeAsync(BotHarness.Ada, "/star"));
        var feedback = await SubmitAsync(BotHarness.Ada, form, StarExamples.Strong);

        var next = await SendOneAsync(BotHarness.Ada, new ButtonInput(StudyActions.Button([feedback], "Another prompt").CustomId));

        Assert.Contains("A technical disagreement with a teammate", next.Markdown, StringComparison.Ordinal);
    }
}
