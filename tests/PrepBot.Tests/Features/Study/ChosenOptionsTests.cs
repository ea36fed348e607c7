using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Study;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Study;

/// <summary>A multiple-choice answer keeps the options chosen, by their place in the card file, for the authors' statistics.</summary>
public sealed class ChosenOptionsTests : IDisposable
{
    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-chosen-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero));

    public ChosenOptionsTests()
    {
        _content.Write("concept/columnar.md", FlowCards.MultipleChoice);
        _content.Write("concept/idempotency.md", FlowCards.Reveal);
    }

    public void Dispose()
    {
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private static async Task<List<ReviewLog>> LogsAsync(BotHarness bot)
    {
        var factory = bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.ReviewLogs.AsNoTracking().OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("o2", "2")] // shuffled questions carry the option's place in the file
    [InlineData("B", "1")] // a question sent before shuffling carried the letter, in file order
    public async Task The_option_chosen_is_logged_by_its_place_in_the_card_file(string value, string logged)
    {
        await using var bot = await BotHarness.StartAsync(_content.ContentDirectory, Path.Combine(_data.FullName, "chosen.db"), _time);
        var question = await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz"));
        var select = question.Select(r => r.Select).Single(s => s is not null)!;

        await bot.SendAsync(BotHarness.Ada, new SelectInput(select.CustomId, [value]));
        var revealed = await bot.SendAsync(BotHarness.Ada, new ButtonInput(StudyActions.Button(await bot.SendAsync(BotHarness.Ada, new CommandInput("quiz")), "Reveal answer").CustomId));
        await bot.SendAsync(BotHarness.Ada, new ButtonInput(StudyActions.Button(revealed, "Good").CustomId));

        Assert.Equal([logged, null], (await LogsAsync(bot)).Select(l => l.ChosenOptions));
        Assert.StartsWith(StudyToken.Prefix, select.CustomId, StringComparison.Ordinal);
    }
}
