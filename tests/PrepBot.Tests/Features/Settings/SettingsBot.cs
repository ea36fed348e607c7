using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Reminders;
using PrepBot.Hosting;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Features.Settings;

/// <summary>
/// The real host (migrations, content, features) on a fake clock with a <see cref="RecordingMessenger"/>: drive learners
/// through the router and run the reminder job's service directly. Start again on the same folders to simulate a restart.
/// </summary>
internal sealed class SettingsBot : IAsyncDisposable
{
    private readonly IHost _host;

    private SettingsBot(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<SettingsBot> StartAsync(string contentDirectory, string databasePath, FakeTimeProvider time, RecordingMessenger messenger, params string[] settings)
    {
        var builder = PrepBotHost.CreateBuilder(
        [
            $"--Data:DatabasePath={databasePath}",
            $"--Content:Directory={contentDirectory}",
            "--Content:WatchForChanges=false",
            .. settings,
        ]);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IMessenger>(messenger);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new SettingsBot(host);
    }

    public Task<IReadOnlyList<Reply>> SendAsync(LearnerIdentity who, UserInput input) =>
        Services.GetRequiredService<ConversationRouter>().HandleAsync(who, input, TestContext.Current.CancellationToken);

    /// <summary>Runs a typed command such as <c>/me pause days:3</c>; returns the first reply's Markdown.</summary>
    public async Task<string> TypeAsync(LearnerIdentity who, string command) => (await SendAsync(who, CommandLine.Parse(command)))[0].Markdown;

    /// <summary>Asks for a card with <paramref name="command"/>, reveals it and grades it <paramref name="grade"/>.</summary>
    public async Task AnswerAsync(LearnerIdentity who, string grade = "Good", string command = "/quiz")
    {
        var question = await SendAsync(who, CommandLine.Parse(command));
        var revealed = await SendAsync(who, new ButtonInput(StudyActions.Button(question, "Reveal answer").CustomId));
        await SendAsync(who, new ButtonInput(StudyActions.Button(revealed, grade).CustomId));
    }

    public Task<ReminderRunReport> RunRemindersAsync() => Services.GetRequiredService<ReminderService>().RunAsync(TestContext.Current.CancellationToken);

    public async Task<PrepBotDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PrepBotDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    public async Task<long> LearnerIdAsync(LearnerIdentity who)
    {
        await using var db = await DbAsync();
        return await db.Learners.Where(l => l.PlatformUserId == who.UserId).Select(l => l.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public async Task<LearnerSettings?> SettingsAsync(LearnerIdentity who)
    {
        var id = await LearnerIdAsync(who);
        await using var db = await DbAsync();
        return await db.LearnerSettings.AsNoTracking().SingleOrDefaultAsync(s => s.LearnerId == id, TestContext.Current.CancellationToken);
    }

    public async Task<ReminderDelivery?> ReminderStateAsync(LearnerIdentity who)
    {
        var id = await LearnerIdAsync(who);
        await using var db = await DbAsync();
        return await db.ReminderDeliveries.AsNoTracking().SingleOrDefaultAsync(s => s.LearnerId == id, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TestContext.Current.CancellationToken);
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
