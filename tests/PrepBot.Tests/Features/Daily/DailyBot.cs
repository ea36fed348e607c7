using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Daily;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Daily;

/// <summary>
/// The bot host without a transport (no Quartz), with a <see cref="RecordingMessenger"/>: tests run <c>/setup</c>
/// through the router and a day's post by calling <see cref="DailyPostService"/> as the job would.
/// </summary>
internal sealed class DailyBot : IAsyncDisposable
{
    public const string Guild = "1200000000000000001";
    public const string Channel = "1200000000000000002";

    public static readonly LearnerIdentity Admin = new("discord", "1400000000000000001", "Admin", "Etc/UTC")
    {
        GuildId = Guild,
        ChannelId = Channel,
        CanManageServer = true,
    };

    public static readonly LearnerIdentity Ada = new("discord", "1400000000000000002", "Ada", "Etc/UTC") { GuildId = Guild, ChannelId = Channel };

    private DailyBot(BotHarness bot, RecordingMessenger messenger)
    {
        Bot = bot;
        Messenger = messenger;
    }

    public BotHarness Bot { get; }

    public RecordingMessenger Messenger { get; }

    public static async Task<DailyBot> StartAsync(TempContentFolder content, string databasePath, FakeTimeProvider time)
    {
        var messenger = new RecordingMessenger();
        var bot = await BotHarness.StartAsync(content.ContentDirectory, databasePath, time,
            services => services.Replace(ServiceDescriptor.Singleton<IMessenger>(messenger)));
        return new DailyBot(bot, messenger);
    }

    public Task<IReadOnlyList<Reply>> SetupAsync(string sub, params (string Name, string Value)[] options) =>
        SetupAsync(Admin, sub, options);

    public Task<IReadOnlyList<Reply>> SetupAsync(LearnerIdentity who, string sub, params (string Name, string Value)[] options) =>
        Bot.SendAsync(who, new CommandInput("setup " + sub, options.ToDictionary(o => o.Name, o => o.Value)));

    public Task<IReadOnlyList<Reply>> SetupDailyAsync(string time = "09:00", string zone = "Europe/Berlin", string channel = Channel) =>
        SetupAsync("daily", ("channel", channel), ("time", time), ("timezone", zone));

    public Task RunAsync(DateOnly date) =>
        Bot.Services.GetRequiredService<DailyPostService>().RunAsync(Guild, date, TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<DailyPost>> PostsAsync()
    {
        var factory = Bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.DailyPosts.AsNoTracking().OrderBy(p => p.LocalDate).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<GuildDailySettings?> SettingsAsync()
    {
        var factory = Bot.Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.GuildDailySettings.AsNoTracking().SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Daily question posts (not the set-up confirmations) in the channel, oldest first.</summary>
    public IReadOnlyList<SentPost> Questions => [.. Messenger.In(Channel).Where(p => p.Nonce is not null)];

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
