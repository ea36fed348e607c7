using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrepBot.Data;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;
using PrepBot.Features.Study;
using PrepBot.Tests.Features.SqlPractice;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.DiscordFrontEnd;

/// <summary>Features that need Discord's forms and permissions, driven through the loopback fake Discord.</summary>
public sealed class DiscordFeatureTests : IAsyncLifetime
{
    private const string Reference = "SELECT c.name, COUNT(o.id) AS orders FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id";
    private const string Right = "SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c";
    private const string Wrong = "SELECT c.name, COUNT(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id";

    private readonly TempContentFolder _content = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("prepbot-discord-features-");
    private readonly FakeDiscordServer _discord = new();

    public async ValueTask InitializeAsync()
    {
        _content.Write("datasets/shop.sql", SqlFixtures.Shop);
        _content.Write("sql/orders.md", SqlFixtures.Card("sql-orders", Reference));
        await _discord.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _discord.DisposeAsync();
        _content.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<DiscordBotHarness> StartBotAsync(params string[] settings) =>
        DiscordBotHarness.StartAsync(_discord, _content.ContentDirectory, Path.Combine(_data.FullName, "bot.db"), settings);

    private static async Task<List<ReviewLog>> ReviewsAsync(DiscordBotHarness bot)
    {
        var factory = bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.ReviewLogs.ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Sql_answer_typed_into_the_modal_is_run_graded_and_recorded_once()
    {
        await using var bot = await StartBotAsync();
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));

        var (_, form) = await bot.SendAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Write a query")));
        Assert.Equal(9, form.Type);
        var (wrongSubmit, _) = await bot.SendAsync(FakeInteraction.ModalSubmit(form, new Dictionary<string, string> { [CardPresenter.AnswerFieldId] = Wrong }));
        var rejected = await _discord.WaitForOriginalResponseAsync(wrongSubmit.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(rejected.IsEphemeral);
        Assert.Contains("you returned 3 rows", rejected.Content, StringComparison.OrdinalIgnoreCase);

        var (_, again) = await bot.SendAsync(FakeInteraction.Button(rejected, DiscordBotHarness.ButtonId(rejected, "Try again")));
        var (rightSubmit, _) = await bot.SendAsync(FakeInteraction.ModalSubmit(again, new Dictionary<string, string> { [CardPresenter.AnswerFieldId] = Right }));
        var accepted = await _discord.WaitForOriginalResponseAsync(rightSubmit.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Accepted", accepted.Content, StringComparison.Ordinal);
        var review = Assert.Single(await ReviewsAsync(bot));
        Assert.Equal("sql-orders", review.CardId);
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Admin_command_is_registered_for_manage_server_and_refused_to_a_member_who_runs_it_anyway()
    {
        await using var bot = await StartBotAsync();
        var options = new Dictionary<string, object> { ["id"] = "sql-orders" };

        var member = await bot.AskAsync(FakeInteraction.SlashCommand("card", options, subcommand: "show"));
        var admin = await bot.AskAsync(FakeInteraction.SlashCommand("card", options, subcommand: "show").AsAdministrator());

        Assert.Equal("Only server admins (Manage Server) can use `/card show`.", member.Content);
        Assert.Contains("sql-orders", admin.Content, StringComparison.Ordinal);
        // Registration runs on READY beside the first interactions: wait for it rather than race it.
        await _discord.WaitUntilAsync(() => _discord.GetCommands() is not null, "the command registration", cancellationToken: TestContext.Current.CancellationToken);
        var card = _discord.GetCommands()!.Value.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "card");
        Assert.Equal("32", card.GetProperty("default_member_permissions").GetString());
    }

    [Fact]
    public async Task Plan_longer_than_one_message_arrives_as_the_answer_and_a_follow_up()
    {
        _content.Write("plan.md", await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.Content, "plan.md"), TestContext.Current.CancellationToken));
        await using var bot = await StartBotAsync();

        var (interaction, response) = await bot.SendAsync(FakeInteraction.SlashCommand("plan"));
        var followUps = await _discord.WaitForFollowUpsAsync(interaction.Id, 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Week 1", DiscordBotHarness.Text(response.Data), StringComparison.Ordinal);
        Assert.NotEmpty(followUps);
        Assert.All(followUps, f => Assert.True(f.IsEphemeral));
        Assert.Empty(_discord.Rejections);
    }

    [Fact]
    public async Task Answer_that_takes_longer_than_the_direct_window_is_deferred_then_delivered_by_editing_the_original()
    {
        await using var bot = await StartBotAsync("--Discord:AnswerDirectlyWithinMilliseconds=100", "--SqlPractice:TimeLimitMilliseconds=600");
        var question = await bot.AskAsync(FakeInteraction.SlashCommand("quiz"));
        var (_, form) = await bot.SendAsync(FakeInteraction.Button(question, DiscordBotHarness.ButtonId(question, "Write a query")));
        const string Runaway = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT MAX(i) FROM n";

        var (submit, first) = await bot.SendAsync(FakeInteraction.ModalSubmit(form, new Dictionary<string, string> { [CardPresenter.AnswerFieldId] = Runaway }));
        var answer = await _discord.WaitForOriginalResponseAsync(submit.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, first.Type);
        Assert.True(first.IsEphemeral);
        Assert.NotNull(answer.EditedAt);
        Assert.Contains("ran for more than 0.6 s", answer.Content, StringComparison.Ordinal);
        Assert.Empty(_discord.Rejections);
    }
}
