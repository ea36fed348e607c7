using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Features.Daily;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Daily;

/// <summary>Undo on a daily question's answer: the post counts as not answered again, so the learner can answer it anew.</summary>
public sealed class DailyUndoTests : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-daily-undo-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Undoing_a_daily_answer_lets_the_learner_answer_the_post_again_and_it_counts_once()
    {
        DailyCards.Write(_content, "mc-one", DailyCards.Choice("mc-one"));
        await using var bot = await DailyBot.StartAsync(_content, Path.Combine(_data.FullName, "undo.db"), _time);
        await bot.SetupDailyAsync();
        await bot.SetupAsync("mix", [.. DailyMix.DayNames.Select(d => (d, "concept"))]);
        await bot.RunAsync(Monday);
        _time.Advance(TimeSpan.FromMinutes(5));
        var post = Assert.Single(bot.Questions).Reply;
        var right = post.Select!.Options.Single(o => o.Label.EndsWith("Right one of mc-one", StringComparison.Ordinal)).Value;
        var wrong = post.Select.Options.First(o => o.Value != right).Value;
        var answered = await bot.Bot.SendAsync(DailyBot.Ada, new SelectInput(post.Select.CustomId, [wrong]));

        var undone = await bot.Bot.SendAsync(DailyBot.Ada, new ButtonInput(StudyActions.Button(answered, "Undo").CustomId));
        var again = await bot.Bot.SendAsync(DailyBot.Ada, new SelectInput(post.Select.CustomId, [right]));
        var third = await bot.Bot.SendAsync(DailyBot.Ada, new SelectInput(post.Select.CustomId, [wrong]));

        Assert.StartsWith("↩️ **Undone** — your **Again** on `mc-one`", undone[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("Recorded **Good**", again[0].Markdown, StringComparison.Ordinal);
        Assert.StartsWith("You already answered this daily question (recorded **Good**)", third[0].Markdown, StringComparison.Ordinal);
    }
}
